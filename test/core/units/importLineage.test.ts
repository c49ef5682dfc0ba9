/**
 * Issue 20 (round 2): the import's mapping step lists every old-map name of a new-map plan with
 * its lineage message and the successors to choose from; a choice rewrites that name only.
 */
import fc from "fast-check";
import type { CatalogueTask } from "../../../src/core/catalogue/types";
import {
  COMMUNES_GROUP,
  applySuccessorChoices,
  lineageFindings,
  rewriteNames,
} from "../../../src/core/units/importLineage";
import { unitLineage } from "../../../src/core/units/lineage";
import { LINEAGE_2025, findUnit, unitById } from "../../../src/core/units/units";

const NEW = "2026-01-01";
const task = (id: string, lead: string, coordinating?: string): CatalogueTask => ({
  id,
  area: "I",
  title: `Nhiệm vụ ${id}`,
  lead,
  deadline: "Quý I/2026",
  ...(coordinating ? { coordinating } : {}),
});

/** An old commune of the 2024 map split between several new units (from the data). */
function splitCommune(): string {
  const byOld = new Map<string, Set<string>>();
  for (const r of LINEAGE_2025) byOld.set(r.oldCode, new Set([...(byOld.get(r.oldCode) ?? []), r.newCode]));
  for (const [code, news] of byOld) {
    const u = unitById(code);
    if (news.size > 1 && u && u.level === "commune") {
      const name = u.name;
      if (findUnit(name) && !findUnit(name, undefined, NEW)) return name;
    }
  }
  throw new Error("no split commune in the data");
}

describe("lineageFindings", () => {
  test("the brief's example: Phường Nguyễn Nghiêm (TP Quảng Ngãi) nay thuộc Phường Cẩm Thành", () => {
    const [f] = lineageFindings([task("I.1", "Phường Nguyễn Nghiêm; Sở Nội vụ")], NEW);
    expect(f.written).toBe("Phường Nguyễn Nghiêm");
    expect(f.message).toContain("Phường Nguyễn Nghiêm (Thành phố Quảng Ngãi) nay thuộc Phường Cẩm Thành");
    // Two old wards had that name: both successors are offered, never "all" (it is one of them).
    expect(f.successors).toEqual(["Phường Cẩm Thành", "Phường Đức Phổ"]);
    expect(f.all).toBeNull();
  });

  test("a split commune lists every successor, and offers them all", () => {
    const name = splitCommune();
    const answer = unitLineage(name, undefined, NEW);
    const [f] = lineageFindings([task("II.1", "Sở Tư pháp", name)], NEW);
    expect(f.written).toBe(name);
    expect(f.split).toBe(true);
    expect(f.successors).toEqual(answer?.successors.map((u) => u.name));
    expect(f.successors.length).toBeGreaterThan(1);
    expect(f.all).toBe(f.successors.join("; "));
  });

  test("a district: the level ended on 01/07/2025 and the communes covering it", () => {
    const [f] = lineageFindings([task("III.1", "UBND huyện Lý Sơn")], NEW);
    expect(f.kind).toBe("district");
    expect(f.message).toMatch(/cấp huyện đã kết thúc từ 01\/07\/2025/);
    expect(f.successors).toContain("Đặc khu Lý Sơn");
  });

  test("the district group: choose the communes group", () => {
    const [f] = lineageFindings([task("III.2", "UBND các huyện, thị xã, thành phố")], NEW);
    expect(f.kind).toBe("district");
    expect(f.successors).toEqual([COMMUNES_GROUP]);
  });

  test("one finding per name, with every task that writes it; none on the 2024 map or for new names", () => {
    const tasks = [
      task("I.1", "Phường Nguyễn Nghiêm"),
      task("I.2", "Sở Nội vụ", "Phường Nguyễn Nghiêm, Xã Đặng Thùy Trâm"),
      task("I.3", "Đặc khu Lý Sơn; UBND các xã, phường, đặc khu"),
    ];
    const fs = lineageFindings(tasks, NEW);
    expect(fs.map((f) => [f.written, f.taskIds])).toEqual([["Phường Nguyễn Nghiêm", ["I.1", "I.2"]]]);
    expect(lineageFindings(tasks, "2024-01-01")).toEqual([]);
  });
});

describe("rewriting the chosen names", () => {
  test.each([
    [
      "Phường Nguyễn Nghiêm; Sở Nội vụ",
      { "Phường Nguyễn Nghiêm": "Phường Cẩm Thành" },
      "Phường Cẩm Thành; Sở Nội vụ",
    ],
    // Only whole names: a longer name that contains the chosen one is left alone.
    ["Xã Nghĩa Hà, Xã Nghĩa Hành", { "Xã Nghĩa Hà": "Phường X" }, "Phường X, Xã Nghĩa Hành"],
    ["Huyện Lý Sơn (phối hợp)", { "Huyện Lý Sơn": "Đặc khu Lý Sơn" }, "Đặc khu Lý Sơn (phối hợp)"],
    ["Sở Nội vụ", {}, "Sở Nội vụ"],
    ["A $& B", { A: "$1" }, "$1 $& B"],
  ])("%j", (cell, choices, expected) => {
    expect(rewriteNames(cell, choices)).toBe(expected);
  });

  test("after choosing, the plan has no finding left and the successor is a unit of the new map", () => {
    const tasks = [
      task("I.1", "Phường Nguyễn Nghiêm; Sở Nội vụ"),
      task("I.2", "Sở Tư pháp", "UBND huyện Lý Sơn"),
    ];
    const choices: Record<string, string> = {};
    for (const f of lineageFindings(tasks, NEW)) choices[f.written] = f.all ?? f.successors[0];
    const out = applySuccessorChoices(tasks, choices);
    expect(out.cellsChanged).toBe(2);
    expect(lineageFindings(out.tasks, NEW)).toEqual([]);
    expect(out.tasks[0].lead).toBe("Phường Cẩm Thành; Sở Nội vụ");
    expect(findUnit("Phường Cẩm Thành", undefined, NEW)).not.toBeNull();
  });

  test("property: with no choices, every cell is kept as written", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (lead, coordinating) => {
        const t = [task("I.1", lead, coordinating)];
        expect(applySuccessorChoices(t, {}).tasks[0]).toBe(t[0]);
      }),
    );
  });
});
