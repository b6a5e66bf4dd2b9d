using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace TeamWiki.Web.Components.Shared;

/// <summary>One row of a side-by-side diff: a line on each side, or a fold of unchanged lines.</summary>
public sealed record DiffRow(DiffCell? Old, DiffCell? New, int Folded = 0);

/// <summary>
/// A line of one side: its number (null for a placeholder), how it changed and, for a changed line that
/// has a counterpart on the other side, its text in runs of words that stayed or changed (the inline diff).
/// </summary>
public sealed record DiffCell(int? Number, string Text, ChangeType Change, IReadOnlyList<DiffWords> Words);

/// <summary>A run of a changed line: words that stayed, or words deleted (old side) or inserted (new side).</summary>
public sealed record DiffWords(string Text, bool Changed);

/// <summary>Builds side-by-side rows with DiffPlex and folds long unchanged stretches.</summary>
public static class DiffRows
{
    private const int Context = 3;

    /// <summary>The rows comparing <paramref name="oldText"/> with <paramref name="newText"/>.</summary>
    public static IReadOnlyList<DiffRow> Build(string oldText, string newText)
    {
        var model = SideBySideDiffBuilder.Diff(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false);
        var rows = model.OldText.Lines.Zip(model.NewText.Lines, (o, n) => new DiffRow(Cell(o), Cell(n))).ToList();
        return Fold(rows);
    }

    /// <summary>True when the row shows a change.</summary>
    public static bool IsChange(DiffRow row) =>
        row.Old?.Change is not (null or ChangeType.Unchanged) || row.New?.Change is not (null or ChangeType.Unchanged);

    private static DiffCell Cell(DiffPiece piece) =>
        new(piece.Position, piece.Text ?? "", piece.Type, piece.Type == ChangeType.Modified ? Words(piece) : []);

    /// <summary>
    /// DiffPlex compares a modified line word by word (spaces and punctuation are pieces of their own); on
    /// each side a piece that is not unchanged is a deleted or inserted word, and imaginary pieces only
    /// stand in for the other side's words. Neighbouring pieces alike are joined, so "de oude tekst" →
    /// "de nieuwe tekst" marks one word, and a changed phrase is one mark rather than a mark per word.
    /// </summary>
    private static IReadOnlyList<DiffWords> Words(DiffPiece line)
    {
        var runs = new List<DiffWords>();
        foreach (var word in line.SubPieces.Where(w => w.Type != ChangeType.Imaginary && !string.IsNullOrEmpty(w.Text)))
        {
            var changed = word.Type != ChangeType.Unchanged;
            if (runs.Count > 0 && runs[^1].Changed == changed)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + word.Text };
            }
            else
            {
                runs.Add(new DiffWords(word.Text, changed));
            }
        }

        // Words that reproduce the line exactly, or none at all: never show text the line does not have.
        return string.Concat(runs.Select(r => r.Text)) == (line.Text ?? "") ? runs : [];
    }

    private static List<DiffRow> Fold(List<DiffRow> rows)
    {
        var result = new List<DiffRow>();
        var i = 0;
        while (i < rows.Count)
        {
            var start = i;
            while (i < rows.Count && !IsChange(rows[i]))
            {
                i++;
            }

            var run = i - start;
            var keepBefore = start == 0 ? 0 : Context;
            var keepAfter = i == rows.Count ? 0 : Context;
            if (run > keepBefore + keepAfter + 2)
            {
                result.AddRange(rows.Skip(start).Take(keepBefore));
                result.Add(new DiffRow(null, null, run - keepBefore - keepAfter));
                result.AddRange(rows.Skip(i - keepAfter).Take(keepAfter));
            }
            else
            {
                result.AddRange(rows.Skip(start).Take(run));
            }

            while (i < rows.Count && IsChange(rows[i]))
            {
                result.Add(rows[i++]);
            }
        }

        return result;
    }
}
