/**
 * Cards being answered through a callback response right now. Feishu restores a card that was
 * changed while its callback was still open, so a message PATCH for such a card waits until
 * the answer has gone out; then it goes ahead, carrying whatever is current by then.
 */
export interface AnsweringCards {
  /** Marks the card as being answered until `done` is called. */
  begin(messageId: string): () => void;
  /** Resolves once no callback on this card is open. */
  settled(messageId: string): Promise<void>;
}

export function createAnsweringCards(): AnsweringCards {
  const open = new Map<string, Set<Promise<void>>>();
  return {
    begin(messageId) {
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      const set = open.get(messageId) ?? new Set();
      set.add(done);
      open.set(messageId, set);
      return () => {
        set.delete(done);
        if (set.size === 0) open.delete(messageId);
        release();
      };
    },
    async settled(messageId) {
      const set = open.get(messageId);
      if (set) await Promise.all(set);
    },
  };
}
