using System.Globalization;

namespace KetamineCds.Domain.Screening;

/// <summary>One clause of a <see cref="AnswerCondition"/>: a field, how it is tested, and the values or range.</summary>
/// <param name="Field">The field's contract name.</param>
/// <param name="Test">How the value is tested.</param>
/// <param name="Values">The contract values (<see cref="WhenTest.OneOf"/>, <see cref="WhenTest.RecordedAndNot"/>, <see cref="WhenTest.AnythingBut"/>).</param>
/// <param name="Low">The range's lower bound (<see cref="WhenTest.InRange"/>).</param>
/// <param name="High">The range's upper bound (<see cref="WhenTest.InRange"/>).</param>
public sealed record WhenClause(string Field, WhenTest Test, IReadOnlyList<string> Values, decimal Low = 0, decimal High = 0)
{
    /// <summary>The clause in plain words: "suicidality is not none".</summary>
    public string Text => Test switch
    {
        WhenTest.OneOf => $"{Field} is {string.Join(" or ", Values)}",
        WhenTest.RecordedAndNot or WhenTest.AnythingBut => $"{Field} is not {string.Join(" or ", Values)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Field} is {Low} to {High}"),
    };

    /// <summary>
    /// The clause in plain words, knowing the tested field (null when unknown): a range that takes in the field's whole
    /// allowed range holds for any recorded value, so it reads "prognosisWeeks is recorded", not "is 0 to 520".
    /// </summary>
    public string TextFor(FieldDefinition? field) =>
        Test == WhenTest.InRange && field is { Min: { } min, Max: { } max } && Low <= min && High >= max
            ? $"{Field} is recorded"
            : Text;

    /// <summary>Whether a contract value (null when not recorded) passes the clause.</summary>
    public bool Holds(object? value) => Test switch
    {
        WhenTest.OneOf => Spelled(value) is { } text && Values.Contains(text),
        WhenTest.RecordedAndNot => Spelled(value) is { } text && !Values.Contains(text),
        WhenTest.AnythingBut => Spelled(value) is not { } text || !Values.Contains(text),
        _ => value switch
        {
            int n => n >= Low && n <= High,
            decimal d => d >= Low && d <= High,
            _ => false,
        },
    };

    internal static WhenClause Parse(string clause)
    {
        foreach (var (symbol, test) in new[] { ("<>", WhenTest.RecordedAndNot), ("!=", WhenTest.AnythingBut), ("=", WhenTest.OneOf), (":", WhenTest.InRange) })
        {
            var at = clause.IndexOf(symbol, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var field = clause[..at].Trim();
            var rest = clause[(at + symbol.Length)..].Trim();
            if (test != WhenTest.InRange)
            {
                return new(field, test, [.. rest.Split(',').Select(v => v.Trim())]);
            }

            var bounds = rest.Split('-');
            return new(field, test, [], decimal.Parse(bounds[0], CultureInfo.InvariantCulture), decimal.Parse(bounds[1], CultureInfo.InvariantCulture));
        }

        throw new FormatException($"\"{clause}\" is not a condition (field=a,b; field<>a; field!=a; field:12-55).");
    }

    private static string? Spelled(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        string s => s.Length == 0 ? null : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
