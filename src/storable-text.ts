/**
 * Whether PostgreSQL can take the text: it refuses a NUL character, and JSON (Prisma sends
 * every parameter as JSON) with half a surrogate pair. Only a broken or hostile client sends
 * either, so text that fails is refused or looked up as nothing, never written.
 */
export function isStorableText(text: string): boolean {
  return !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
