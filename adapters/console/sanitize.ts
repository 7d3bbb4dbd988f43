/** Terminal control characters in user text could move the cursor or recolour the screen: drop them. */
export function sanitize(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
