// Placeholder: the viewer page is written later.
export {};
