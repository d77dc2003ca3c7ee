// Placeholder: the operator page is written later.
export {};
