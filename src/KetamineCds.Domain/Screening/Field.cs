namespace KetamineCds.Domain.Screening;

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
