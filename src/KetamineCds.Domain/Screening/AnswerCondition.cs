namespace KetamineCds.Domain.Screening;

/// <summary>
/// A condition on other fields' contract values, written once as a small expression that the validator, the form's
/// show-and-hide (in the browser) and the documentation all read: clauses joined by <c>;</c>, all of which must hold.
/// A field declares when it is required (<see cref="FieldDefinition.RequiredWhen"/>), asked, to be left empty, or
/// cannot be yes with it.
/// <list type="bullet">
/// <item><c>field=a,b</c>: recorded as one of these values (<c>true</c>/<c>false</c> for a yes/no).</item>
/// <item><c>field&lt;&gt;a</c>: recorded, and not this value.</item>
/// <item><c>field!=a</c>: anything but this value, not recorded included.</item>
/// <item><c>field:12-55</c>: a number in this range, bounds included.</item>
/// </list>
/// </summary>
public sealed class AnswerCondition
{
    private AnswerCondition(string expression, IReadOnlyList<WhenClause> clauses)
    {
        Expression = expression;
        Clauses = clauses;
    }

    /// <summary>The expression as written, e.g. <c>sexAtBirth!=male;ageYears:12-55</c>.</summary>
    public string Expression { get; }

    /// <summary>The clauses, all of which must hold.</summary>
    public IReadOnlyList<WhenClause> Clauses { get; }

    /// <summary>
    /// The condition in plain words, completing "required when ...", each clause read against its field in
    /// <see cref="Fields"/> (a range that covers the field's whole allowed range reads "is recorded"). Made when first
    /// read, since the catalogue's own fields are built from such conditions.
    /// </summary>
    public string Text => field ??= string.Join(" and ", Clauses.Select(c => c.TextFor(Fields.Find(c.Field))));

    /// <summary>Whether it holds, given a way to read any field's contract value (a string, bool, int, decimal or null).</summary>
    public bool Applies(Func<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Clauses.All(c => c.Holds(value(c.Field)));
    }

    /// <summary>
    /// Whether it may hold once the answers still to come are given (three-valued, QA295 F3): a clause on a field
    /// <paramref name="unknown"/> names (not recorded yet, and still to be) is unknown, and unknown is never false; every
    /// other clause is read as <see cref="Applies"/> reads it, "not recorded" included. So pregnancy status, asked from 12
    /// to 55 unless male at birth, may be asked while the age is still to be recorded, but not of a patient male at birth.
    /// </summary>
    public bool MayApply(Func<string, object?> value, Func<string, bool> unknown)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(unknown);
        return Clauses.All(c => unknown(c.Field) || c.Holds(value(c.Field)));
    }

    /// <summary>Reads an expression; throws on one that is not well formed (the catalogue is checked at start-up).</summary>
    public static AnswerCondition Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return new(expression, [.. expression.Split(';').Select(WhenClause.Parse)]);
    }

    public override string ToString() => Expression;
}
