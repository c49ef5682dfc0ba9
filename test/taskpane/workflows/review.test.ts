/** Thẩm định: the reducer, the list shown and the messages, as plain functions. */
import { MESSAGES } from "../../../src/taskpane/i18n";
import {
  MAX_REVIEW_SHOWN,
  chosenPicks,
  initialReviewState,
  reviewReducer,
  visibleClaims,
  type ReviewState,
} from "../../../src/taskpane/workflows/review/reducer";
import { reviewMessage } from "../../../src/taskpane/workflows/review/messages";
import type { ReviewClaim } from "../../../src/taskpane/app/types";

const claim = (row: number, unit = "Sở Nội vụ", missingEvidence = false): ReviewClaim => ({
  row,
  taskId: `I.${row}`,
  title: `Nhiệm vụ ${row}`,
  unit,
  evidence: missingEvidence ? null : `https://ex.vn/${row}`,
  link: missingEvidence ? null : `https://ex.vn/${row}`,
  missingEvidence,
});
const listed = (claims: ReviewClaim[], state: ReviewState = initialReviewState, invalidVerdicts = 0) =>
  reviewReducer(state, { type: "listed", outcome: { claims, invalidVerdicts } });

describe("reviewReducer", () => {
  test("choose, change, take back (clicking the chosen verdict again), clear", () => {
    let s = listed([claim(3), claim(7)]);
    s = reviewReducer(s, { type: "choose", row: 3, verdict: "accepted" });
    s = reviewReducer(s, { type: "choose", row: 7, verdict: "rejected" });
    expect(s.choices).toEqual({ 3: "accepted", 7: "rejected" });
    s = reviewReducer(s, { type: "choose", row: 3, verdict: "incomplete" });
    expect(s.choices).toEqual({ 3: "incomplete", 7: "rejected" });
    s = reviewReducer(s, { type: "choose", row: 7, verdict: "rejected" });
    expect(s.choices).toEqual({ 3: "incomplete" });
    expect(reviewReducer(s, { type: "clearChoices" }).choices).toEqual({});
  });

  test("a row not listed cannot be chosen; a new list keeps only choices of rows still listed", () => {
    let s = listed([claim(1), claim(2)]);
    expect(reviewReducer(s, { type: "choose", row: 9, verdict: "accepted" })).toBe(s);
    s = reviewReducer(s, { type: "choose", row: 1, verdict: "accepted" });
    s = reviewReducer(s, { type: "choose", row: 2, verdict: "rejected" });
    s = listed([claim(2), claim(5)], s, 2);
    expect(s.choices).toEqual({ 2: "rejected" });
    expect(s.invalidVerdicts).toBe(2);
  });

  test("another catalogue pulled: back to the start", () => {
    const s = reviewReducer(listed([claim(1)]), { type: "filter", text: "sở" });
    expect(reviewReducer(s, { type: "pulled" })).toEqual(initialReviewState);
  });

  test("chosenPicks: task id and unit as listed, in row order", () => {
    let s = listed([claim(8, "Sở Y tế"), claim(2, "Sở Tư pháp")]);
    s = reviewReducer(s, { type: "choose", row: 8, verdict: "incomplete" });
    s = reviewReducer(s, { type: "choose", row: 2, verdict: "accepted" });
    expect(chosenPicks(s)).toEqual([
      { row: 2, taskId: "I.2", unit: "Sở Tư pháp", verdict: "accepted" },
      { row: 8, taskId: "I.8", unit: "Sở Y tế", verdict: "incomplete" },
    ]);
  });
});

describe("visibleClaims", () => {
  const many = Array.from({ length: 120 }, (_, i) =>
    claim(i, i % 3 === 0 ? "Ủy ban nhân dân huyện Sơn Tây" : "Sở Nội vụ"),
  );
  test.each<[string, string, number, number, number]>([
    ["no filter: the cap", "", MAX_REVIEW_SHOWN, 120, 120 - MAX_REVIEW_SHOWN],
    ["filter without accents or case", "son tay", 40, 40, 0],
    ["filter with accents", "Sơn Tây", 40, 40, 0],
    ["a part of the name", "noi vu", MAX_REVIEW_SHOWN, 80, 80 - MAX_REVIEW_SHOWN],
    ["nothing matches", "Sở Tài chính", 0, 0, 0],
  ])("%s", (_n, filter, shown, matching, rest) => {
    const s = reviewReducer(listed(many), { type: "filter", text: filter });
    const v = visibleClaims(s);
    expect([v.shown.length, v.matching, v.rest]).toEqual([shown, matching, rest]);
  });
  test("not listed yet: nothing", () => {
    expect(visibleClaims(initialReviewState)).toEqual({ shown: [], matching: 0, rest: 0 });
  });
});

describe("reviewMessage", () => {
  const vi = MESSAGES.vi;
  const en = MESSAGES.en;
  test.each<
    [string, Parameters<typeof reviewMessage>[0], { intent: string; title: string; lines: string[] }, string]
  >([
    [
      "listed",
      { kind: "listed", pending: 12, invalidVerdicts: 0 },
      { intent: "info", title: "12 phân công đã báo hoàn thành đang chờ thẩm định.", lines: [] },
      "12 reported completions are awaiting review.",
    ],
    [
      "nothing to review",
      { kind: "listed", pending: 0, invalidVerdicts: 0 },
      { intent: "success", title: "Không còn phân công nào chờ thẩm định.", lines: [] },
      "No claims are awaiting review.",
    ],
    [
      "listed, some verdicts not drop-down values",
      { kind: "listed", pending: 3, invalidVerdicts: 2 },
      { intent: "warning", title: vi.reviewListed(3), lines: [vi.reviewInvalid(2)] },
      en.reviewListed(3),
    ],
    [
      "written",
      {
        kind: "written",
        written: 4,
        moved: 0,
        alreadyReviewed: 0,
        filterRemoved: false,
        pending: 7,
        invalidVerdicts: 0,
      },
      {
        intent: "success",
        title: "Đã ghi 4 kết quả thẩm định vào cột “Kết quả thẩm định”.",
        lines: ["Còn 7 phân công chờ thẩm định."],
      },
      "Wrote 4 verdicts into the “Kết quả thẩm định” column.",
    ],
    [
      "written with rows skipped and the filter removed",
      {
        kind: "written",
        written: 1,
        moved: 1,
        alreadyReviewed: 2,
        filterRemoved: true,
        pending: 0,
        invalidVerdicts: 0,
      },
      {
        intent: "warning",
        title: vi.reviewWritten(1),
        lines: [vi.reviewSkippedMoved(1), vi.reviewSkippedReviewed(2), vi.reviewFilterRemoved, vi.reviewNone],
      },
      en.reviewWritten(1),
    ],
    [
      "nothing written",
      {
        kind: "written",
        written: 0,
        moved: 0,
        alreadyReviewed: 1,
        filterRemoved: false,
        pending: 2,
        invalidVerdicts: 0,
      },
      {
        intent: "warning",
        title: vi.reviewNothingWritten,
        lines: [vi.reviewSkippedReviewed(1), vi.reviewRemaining(2)],
      },
      "No verdict was written.",
    ],
  ])("%s", (_n, outcome, want, enTitle) => {
    expect(reviewMessage(outcome, vi)).toEqual(want);
    const e = reviewMessage(outcome, en);
    expect(e.title).toBe(enTitle);
    expect(e.intent).toBe(want.intent);
    expect(e.lines).toHaveLength(want.lines.length);
  });
});
