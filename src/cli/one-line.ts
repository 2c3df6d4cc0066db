/**
 * One line of plain text: messages quote file names and values the user gave, which may hold
 * newlines or terminal escape sequences; they are shown escaped, never interpreted.
 */
export function oneLine(message: string): string {
  return message.replace(/\r?\n/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
