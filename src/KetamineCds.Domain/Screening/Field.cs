namespace KetamineCds.Domain.Screening;

/// <summary>A typed field: the rules read its value with <see cref="Of"/>.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T> : FieldDefinition
{
    private readonly Func<PatientHistory, T> _get;
    private readonly Lazy<Func<object?, T>> _fromContract;
    private readonly T[] _few;
    private readonly Evidence[] _fewEvidence;
    private readonly Evidence _notRecorded;

    /// <param name="name">The contract name.</param>
    /// <param name="type">The kind of value.</param>
    /// <param name="section">The form's section.</param>
    /// <param name="label">The clinician's label.</param>
    /// <param name="get">The value in a history.</param>
    /// <param name="list">For a choice list: the enumeration its items are and how they become the list.</param>
    internal Field(string name, FieldType type, FieldSection section, string label, Func<PatientHistory, T> get, ListOfChoices<T>? list = null)
        : base(name, type, section, label, ChoiceTypeOf(type, list))
    {
        _get = get;
        _fromContract = new(() => ContractValue.ReaderFor(this, list));

        // The evidence items of a boolean or enumeration are few: made once and shared (they are immutable).
        var valueType = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object[] few = valueType == typeof(bool) ? [false, true] : valueType.IsEnum ? [.. Enum.GetValuesAsUnderlyingType(valueType).Cast<object>().Select(v => Enum.ToObject(valueType, v))] : [];
        _few = [.. few.Select(v => (T)v)];
        _fewEvidence = [.. few.Select(v => new Evidence(name, WireNames.Display(v)))];
        _notRecorded = new Evidence(name, WireNames.NotRecorded);
    }

    public T Of(PatientHistory history) => _get(history);

    /// <summary>The enumeration a choice (<typeparamref name="T"/> itself) or a choice list (its items) holds; null for another field.</summary>
    private static Type? ChoiceTypeOf(FieldType type, ListOfChoices<T>? list) => type switch
    {
        FieldType.Choice => Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T),
        FieldType.ChoiceList => list?.ItemType,
        _ => null,
    };

    /// <summary>The typed value of this field among a request's contract values (<paramref name="contractValue"/> looks them up).</summary>
    public T From(Func<FieldDefinition, object?> contractValue) => _fromContract.Value(contractValue(this));

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
