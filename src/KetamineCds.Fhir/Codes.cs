using Hl7.Fhir.Model;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir;

/// <summary>Code systems and the status codes the mappings read.</summary>
internal static class Codes
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Loinc = "http://loinc.org";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public const string UsCoreBirthSex = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";

    /// <summary>The code a CodeableConcept carries in a system, or null (a status element holds one coding).</summary>
    public static string? CodeIn(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => string.Equals(c.System, system, StringComparison.Ordinal) && !string.IsNullOrEmpty(c.Code))?.Code;

    /// <summary>The value set entries a CodeableConcept's codings match (any coding may carry the code).</summary>
    public static IReadOnlyList<ValueSetCode> Matches(ValueSet set, CodeableConcept? concept) =>
        concept is null ? [] : concept.Coding.Select(c => set.Match(c.System, c.Code)).OfType<ValueSetCode>().ToArray();
}
