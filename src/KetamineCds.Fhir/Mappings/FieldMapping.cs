using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>Reads one screening field from the record through the value set the field catalogue names for it.</summary>
internal abstract class FieldMapping
{
    /// <summary>Records the field's value in <paramref name="reading"/> when the FHIR data decides it; otherwise leaves it out.</summary>
    public abstract void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading);
}
