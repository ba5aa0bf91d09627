using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// The reader of each field the field catalogue gives a value set, made from the value set's <see cref="ValueSetReading"/>
/// and the field's type; nothing here names a field. A reading that does not fit the field (a medication read for a
/// number) is a mistake in the data and fails when the readers are first built, with the value set and field named.
/// </summary>
internal static class FieldReaders
{
    private static readonly Lazy<IReadOnlyList<(FieldDefinition Field, ValueSet ValueSet, FieldMapping Reader)>> Built = new(Build);

    /// <summary>Every field with a value set, its value set and its reader, in the catalogue's order.</summary>
    public static IReadOnlyList<(FieldDefinition Field, ValueSet ValueSet, FieldMapping Reader)> All => Built.Value;

    /// <summary>The reader for this field and value set.</summary>
    public static FieldMapping For(FieldDefinition field, ValueSet valueSet)
    {
        var read = valueSet.Read;
        return (read.From, field.Type) switch
        {
            ("condition", FieldType.YesNo) or ("condition", FieldType.Choice) when field.Type == FieldType.YesNo || read.YesValue is not null =>
                ConditionReader(read, valueSet),
            ("condition-choice", FieldType.Choice) => new ConditionChoice(
                (read.States ?? throw Invalid(field, valueSet, "names no states")).Select(State).ToHashSet(),
                read.SupersededBy ?? new Dictionary<string, string[]>(StringComparer.Ordinal)),
            ("medication", FieldType.YesNo) => new MedicationFlag(),
            ("medication", FieldType.Choice) => new MedicationChoice(read.Precedence ?? throw Invalid(field, valueSet, "gives no precedence")),
            ("substance-use", FieldType.Choice) => new SubstanceUseStatus(),
            ("substance-use", FieldType.ChoiceList) => new DisorderSubstances(),
            ("blood-pressure", FieldType.WholeNumber) when read.Component is "systolic" or "diastolic" => new BloodPressure(read.Component == "systolic"),
            // How old an observation may be is the catalogue's: how long the field's answer stays current.
            ("observation-score", FieldType.WholeNumber) => new ObservationScore(field.CurrentForDays ?? throw Invalid(field, valueSet, "reads an observation, but the field declares no CurrentForDays")),
            ("pregnancy-status", FieldType.YesNo) => new PregnancyStatus(field.CurrentForDays ?? throw Invalid(field, valueSet, "reads an observation, but the field declares no CurrentForDays")),
            _ => throw Invalid(field, valueSet, $"reads '{read.From}', which cannot answer a {field.Type} field"),
        };
    }

    private static ConditionFlag ConditionReader(ValueSetReading read, ValueSet valueSet) => read.When switch
    {
        "current" => ConditionFlag.Current(read.RefutedAnswersNo, read.NotCurrentMayStand),
        "history" => ConditionFlag.History(read.RefutedAnswersNo),
        "recent" => ConditionFlag.Recent(
            read.WithinDays ?? throw new InvalidOperationException($"The value set '{valueSet.Id}' reads recent conditions but gives no withinDays."),
            read.YesValue,
            read.RefutedAnswersNo),
        _ => throw new InvalidOperationException($"The value set '{valueSet.Id}' reads conditions 'when' '{read.When}': use current, history or recent."),
    };

    private static ClinicalState State(string name) => name switch
    {
        "current" => ClinicalState.Current,
        "remission" => ClinicalState.Remission,
        "past" => ClinicalState.Past,
        _ => throw new InvalidOperationException($"Unknown clinical state '{name}' in a value set: use current, remission or past."),
    };

    private static InvalidOperationException Invalid(FieldDefinition field, ValueSet valueSet, string problem) =>
        new($"The value set '{valueSet.Id}' (named by the field '{field.Name}') {problem}.");

    private static List<(FieldDefinition, ValueSet, FieldMapping)> Build() =>
        [.. Fields.All.Where(f => f.ValueSet is not null).Select(f =>
        {
            var valueSet = ValueSetCatalogue.Get(f.ValueSet!);
            return (f, valueSet, For(f, valueSet));
        })];
}
