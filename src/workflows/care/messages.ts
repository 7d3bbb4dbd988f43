/** The care workflow's texts. `zhCN` must have exactly the keys of `en`. */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
