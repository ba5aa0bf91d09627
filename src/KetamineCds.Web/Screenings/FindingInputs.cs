using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The inputs behind the printed rationale's findings (their <c>because</c>), every kind included. Many findings fire on
/// the same inputs (the indication that opens a pathway: diagnosis, current episode, failed trials); such a list, when
/// two or more findings start with it, is printed once under a letter and each finding names the letter and adds only
/// what is its own, so that every finding keeps its inputs and an ordinary screening still fits one page. Each letter's
/// list is printed whole, even when it starts with another letter's: a reader never resolves one letter to read another.
/// </summary>
public sealed class FindingInputs
{
    private FindingInputs(IReadOnlyList<(string Key, IReadOnlyList<Evidence> Inputs)> shared) => Shared = shared;

    /// <summary>The lists several findings share, each whole under its letter (<c>a</c>, <c>b</c> ...), shorter lists first.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<Evidence> Inputs)> Shared { get; }

    /// <summary>The inputs of one finding: the letter of the longest shared list it starts with (or null), and the inputs that are its own.</summary>
    public (string? Key, IReadOnlyList<Evidence> Own) Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        foreach (var (key, inputs) in Shared.Reverse())
        {
            if (StartsWith(finding.Because, inputs))
            {
                return (key, [.. finding.Because.Skip(inputs.Count)]);
            }
        }

        return (null, finding.Because);
    }

    /// <summary>The shared lists of these findings: a finding's whole list, of two inputs or more, that two or more of them start with.</summary>
    public static FindingInputs For(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var all = findings.ToList();
        var lists = new List<IReadOnlyList<Evidence>>();
        foreach (var inputs in all.Select(f => f.Because))
        {
            if (inputs.Count >= 2 && !lists.Exists(l => l.SequenceEqual(inputs)) && all.Count(f => StartsWith(f.Because, inputs)) >= 2)
            {
                lists.Add(inputs);
            }
        }

        return new FindingInputs([.. lists.OrderBy(l => l.Count).Select((l, i) => (((char)('a' + i)).ToString(), l))]);
    }

    private static bool StartsWith(IReadOnlyList<Evidence> list, IReadOnlyList<Evidence> prefix) =>
        list.Count >= prefix.Count && list.Take(prefix.Count).SequenceEqual(prefix);
}
