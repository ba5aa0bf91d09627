namespace KetamineCds.Domain.Screening;

/// <summary>The JSON type a contract field takes, and so the control the form shows for it.</summary>
public enum FieldType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>An integer.</summary>
    WholeNumber,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A boolean, asked as Yes / No / Not known.</summary>
    YesNo,

    /// <summary>One of a fixed set of contract strings.</summary>
    Choice,

    /// <summary>An array of contract strings from a fixed set.</summary>
    ChoiceList,
}

/// <summary>What it means for the screening when a field is not recorded (contract 1.1, "not recorded is never no").</summary>
public enum NotRecordedMeans
{
    /// <summary>Context only: nothing can be blocked or withheld for want of it.</summary>
    Nothing,

    /// <summary>Calls for care: a requirement or caution says so, but no pathway waits for it.</summary>
    CallsForCare,

    /// <summary>Could block a pathway: while it is not recorded the pathway is <c>incomplete</c>, never eligible.</summary>
    CanBlock,
}

/// <summary>The form section a field is asked in, in the form's order.</summary>
public enum FieldSection { Patient, Depression, Bipolar, Psychosis, Suicidality, Palliative, PainAndMedicines, Safety, Scores, Note }

/// <summary>
/// One field of the screening contract (<c>shared/api/screening-v1.md</c>), declared once in <see cref="Fields"/>:
/// its wire name, type, the clinician's label and help, its range or choices, when it is required, and what its
/// absence means. The JSON reader and writer, the validator, the form, the rule catalogue document and the
/// translations all read it from here.
/// </summary>
public abstract class FieldDefinition
{
    private protected FieldDefinition(string name, FieldType type, FieldSection section, string label)
    {
        Name = name;
        Type = type;
        Section = section;
        Label = label;
        Property = char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>The contract's camelCase name, e.g. <c>failedAdequateTrials</c>.</summary>
    public string Name { get; }

    /// <summary>The PascalCase property name of <see cref="PatientHistory"/> and the request that hold it.</summary>
    public string Property { get; }

    public FieldType Type { get; }

    public FieldSection Section { get; }

    /// <summary>The field in a clinician's words, used in labels and messages.</summary>
    public string Label { get; }

    /// <summary>A short hint shown under the control, or null.</summary>
    public string? Help { get; init; }

    /// <summary>The unit a number is in (<c>mmHg</c>), or null.</summary>
    public string? Unit { get; init; }

    /// <summary>The contract strings a choice or choice list allows, in the contract's order.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The smallest number allowed, or null.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest number allowed, or null.</summary>
    public decimal? Max { get; init; }

    /// <summary>The most characters a text may have, or null.</summary>
    public int? MaxLength { get; init; }

    /// <summary>True when every request must record the field.</summary>
    public bool Required { get; init; }

    /// <summary>When the field is required although <see cref="Required"/> is false, or null.</summary>
    public RequiredWhen? RequiredWhen { get; init; }

    /// <summary>When the form asks the field at all (it is hidden otherwise), or null for always.</summary>
    public RequiredWhen? AskedWhen { get; init; }

    /// <summary>What it means when the field is not recorded.</summary>
    public NotRecordedMeans NotRecorded { get; init; }

    /// <summary>The value in the history, boxed; null when not recorded.</summary>
    public abstract object? ValueOf(PatientHistory history);

    /// <summary>True when the history records the field.</summary>
    public bool IsRecorded(PatientHistory history) => ValueOf(history) is not null;

    /// <summary>The <c>because</c> item for this field's value in the history.</summary>
    public abstract Evidence EvidenceOf(PatientHistory history);

    public override string ToString() => Name;
}

/// <summary>
/// A condition on other fields' contract values, stated once for the validator, the form's show-and-hide and the
/// documentation: "required when <c>primaryDiagnosis</c> is <c>bipolar-i</c> or <c>bipolar-ii</c>".
/// </summary>
/// <param name="Text">The condition in plain words, completing "required when ...".</param>
/// <param name="Applies">Whether it holds, given a way to read any field's contract value (a string, bool, int, decimal or null).</param>
public sealed record RequiredWhen(string Text, Func<Func<string, object?>, bool> Applies);

/// <summary>A typed field: the rules read its value with <see cref="Of"/>.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T> : FieldDefinition
{
    private readonly Func<PatientHistory, T> _get;
    private readonly T[] _few;
    private readonly Evidence[] _fewEvidence;
    private readonly Evidence _notRecorded;

    internal Field(string name, FieldType type, FieldSection section, string label, Func<PatientHistory, T> get)
        : base(name, type, section, label)
    {
        _get = get;

        // The evidence items of a boolean or enumeration are few: made once and shared (they are immutable).
        var valueType = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object[] few = valueType == typeof(bool) ? [false, true] : valueType.IsEnum ? [.. Enum.GetValuesAsUnderlyingType(valueType).Cast<object>().Select(v => Enum.ToObject(valueType, v))] : [];
        _few = [.. few.Select(v => (T)v)];
        _fewEvidence = [.. few.Select(v => new Evidence(name, WireNames.Display(v)))];
        _notRecorded = new Evidence(name, WireNames.NotRecorded);
    }

    public T Of(PatientHistory history) => _get(history);

    public override object? ValueOf(PatientHistory history) => _get(history);

    public override Evidence EvidenceOf(PatientHistory history)
    {
        var value = _get(history);
        if (value is null)
        {
            return _notRecorded;
        }

        for (var i = 0; i < _few.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(_few[i], value))
            {
                return _fewEvidence[i];
            }
        }

        return new Evidence(Name, WireNames.Display(value));
    }
}
