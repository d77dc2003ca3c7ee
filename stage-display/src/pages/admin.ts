// Placeholder: the admin page is written later.
export {};
