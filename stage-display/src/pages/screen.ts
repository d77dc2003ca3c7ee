// Placeholder: the screen page is written later.
export {};
