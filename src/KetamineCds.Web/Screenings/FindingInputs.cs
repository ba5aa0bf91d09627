using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The inputs behind the printed rationale's findings (their <c>because</c>), every kind included. Many findings fire on
/// the same inputs (the indication that opens a pathway: diagnosis, current episode, failed trials); such a list, when
/// two or more findings start with it, is printed once under a letter and each finding names the letter and adds only
/// what is its own, so that every finding keeps its inputs and an ordinary screening still fits one page. Each letter's
/// list is printed whole, even when it starts with another letter's: a reader never resolves one letter to read another.
/// A finding's inputs are those the pages show (<see cref="Display.Inputs(Finding, PatientHistory)"/>): never a question the form did not ask of
/// this history.
/// </summary>
public sealed class FindingInputs
{
    private readonly PatientHistory _history;

    private FindingInputs(IReadOnlyList<(string Key, IReadOnlyList<Evidence> Inputs)> shared, IReadOnlySet<string> notRecorded, PatientHistory history)
    {
        Shared = shared;
        NotRecorded = notRecorded;
        _history = history;
    }

    /// <summary>The lists several findings share, each whole under its letter (<c>a</c>, <c>b</c> ...), shorter lists first.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<Evidence> Inputs)> Shared { get; }

    /// <summary>
    /// The questions not recorded among these findings' inputs (field names): each is named with the findings that read
    /// it, "Not recorded: Life-limiting illness", so a list of the questions not recorded "besides those named above"
    /// leaves them out (the print named the illness twice when no box named it, a contraindication recorded).
    /// </summary>
    public IReadOnlySet<string> NotRecorded { get; }

    /// <summary>The inputs of one finding: the letter of the longest shared list it starts with (or null), and the inputs that are its own.</summary>
    public (string? Key, IReadOnlyList<Evidence> Own) Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var because = Display.Inputs(finding, _history);
        foreach (var (key, inputs) in Shared.Reverse())
        {
            if (StartsWith(because, inputs))
            {
                return (key, [.. because.Skip(inputs.Count)]);
            }
        }

        return (null, because);
    }

    /// <summary>
    /// The shared lists of these findings of a screening of <paramref name="history"/>: a finding's whole list, of two
    /// inputs or more, that two or more of them start with.
    /// </summary>
    public static FindingInputs For(IEnumerable<Finding> findings, PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(history);
        var all = findings.Select(f => Display.Inputs(f, history)).ToList();
        var lists = new List<IReadOnlyList<Evidence>>();
        foreach (var inputs in all)
        {
            if (inputs.Count >= 2 && !lists.Exists(l => l.SequenceEqual(inputs)) && all.Count(f => StartsWith(f, inputs)) >= 2)
            {
                lists.Add(inputs);
            }
        }

        var notRecorded = all.SelectMany(inputs => inputs).Where(e => e.Value == WireNames.NotRecorded).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return new FindingInputs([.. lists.OrderBy(l => l.Count).Select((l, i) => (((char)('a' + i)).ToString(), l))], notRecorded, history);
    }

    private static bool StartsWith(IReadOnlyList<Evidence> list, IReadOnlyList<Evidence> prefix) =>
        list.Count >= prefix.Count && list.Take(prefix.Count).SequenceEqual(prefix);
}
