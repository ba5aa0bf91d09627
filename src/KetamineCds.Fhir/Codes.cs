using Hl7.Fhir.Model;
using KetamineCds.Fhir.ValueSets;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;

namespace KetamineCds.Fhir;

/// <summary>The status code systems and extension the mappings read, and coding helpers.</summary>
internal static class Codes
{
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string UsCoreBirthSex = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";

    /// <summary>The code a CodeableConcept carries in a system, or null (a status element holds one coding).</summary>
    public static string? CodeIn(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => string.Equals(c.System, system, StringComparison.Ordinal) && !string.IsNullOrEmpty(c.Code))?.Code;

    /// <summary>The value set entries a CodeableConcept's codings match (any coding may carry the code).</summary>
    public static IReadOnlyList<ValueSetCode> Matches(ValueSet set, CodeableConcept? concept) =>
        concept is null ? [] : concept.Coding.Select(c => set.Match(c.System, c.Code)).OfType<ValueSetCode>().ToArray();
}
