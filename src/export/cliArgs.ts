/**
 * The part of option parsing both command lines share (`npm run workbook`, `npm run consolidate`):
 * the value of `--flag value` or `--flag=value`, with the same Vietnamese problems for a missing,
 * repeated or empty value.
 */
export function takeFlagValue(
  argv: readonly string[],
  i: number,
  flag: string,
  inline: string | undefined,
  seen: Set<string>,
  problems: string[],
): { value: string | null; next: number } {
  let value = inline;
  let next = i;
  if (value === undefined) {
    if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[(next = i + 1)];
    else {
      problems.push(`Thiếu giá trị sau --${flag}.`);
      return { value: null, next };
    }
  }
  if (seen.has(flag)) problems.push(`Tùy chọn --${flag} được ghi hai lần.`);
  seen.add(flag);
  if (value.trim() === "") {
    problems.push(`Giá trị của --${flag} đang để trống.`);
    return { value: null, next };
  }
  return { value, next };
}
