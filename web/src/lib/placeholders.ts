/** A run of template text: plain, or a `[placeholder]` the operator replaces. */
export interface TemplatePart {
  text: string;
  placeholder: boolean;
}

/** Splits template text at its `[…]` placeholders, so the page can mark them. */
export function templateParts(text: string): TemplatePart[] {
  return text
    .split(/(\[[^\]]*\])/)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, placeholder: /^\[[^\]]*\]$/.test(part) }));
}
