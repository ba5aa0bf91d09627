namespace KetamineCds.Domain.Screening;

/// <summary>A typed field: the rules read its value with <see cref="Of"/>.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T> : FieldDefinition
{
    private readonly Func<PatientHistory, T> _get;

    internal Field(string name, FieldType type, FieldSection section, string label, Func<PatientHistory, T> get)
        : base(name, type, section, label) => _get = get;

    public T Of(PatientHistory history) => _get(history);

    public override object? ValueOf(PatientHistory history) => _get(history);

    public override Evidence EvidenceOf(PatientHistory history) => new(Name, WireNames.Display(_get(history)));
}
