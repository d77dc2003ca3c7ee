// Placeholder: the index page is written later.
export {};
