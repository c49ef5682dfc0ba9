/** Letters only Vietnamese uses: a message that holds one is really written in Vietnamese. */
export const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** What a cell shows for a text the add-in wrote: C0 controls (other than tab/LF/CR) and DEL dropped. */
export function shown(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
