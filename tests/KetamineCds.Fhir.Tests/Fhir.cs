using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>Builds FHIR JSON for the tests: small, readable resources and bundles.</summary>
internal static class Fhir
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Loinc = "http://loinc.org";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    public static FhirReading Read(params object[] resources) =>
        FhirHistoryReader.Read(resources.Select(r => r is JsonElement e ? e : Json(r)), Today);

    /// <summary>Reads as of <paramref name="now"/> in a clinic in the time zone <paramref name="zone"/> (an IANA id).</summary>
    public static FhirReading ReadAt(DateTimeOffset now, string zone, params object[] resources) =>
        FhirHistoryReader.Read(resources.Select(r => r is JsonElement e ? e : Json(r)), now, TimeZoneInfo.FindSystemTimeZoneById(zone));

    public static object Patient(string? birthDate = null, string? birthSex = null, string id = "p1", string? gender = null)
    {
        var patient = new Dictionary<string, object> { ["resourceType"] = "Patient", ["id"] = id };
        if (birthDate is not null)
            patient["birthDate"] = birthDate;
        if (gender is not null)
            patient["gender"] = gender;
        if (birthSex is not null)
            patient["extension"] = new[] { new { url = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", valueCode = birthSex } };
        return patient;
    }

    public static object Condition(string id, string system, string code, string? clinical = "active", string? verification = "confirmed", string? onset = null, string subject = "Patient/p1")
    {
        var condition = new Dictionary<string, object>
        {
            ["resourceType"] = "Condition",
            ["id"] = id,
            ["code"] = new { coding = new[] { new { system, code } } },
            ["subject"] = new { reference = subject },
        };
        if (clinical is not null)
            condition["clinicalStatus"] = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/condition-clinical", code = clinical } } };
        if (verification is not null)
            condition["verificationStatus"] = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/condition-ver-status", code = verification } } };
        if (onset is not null)
            condition["onsetDateTime"] = onset;
        return condition;
    }

    public static object MedicationRequest(string id, string rxnorm, string status = "active", string intent = "order") => new
    {
        resourceType = "MedicationRequest",
        id,
        status,
        intent,
        medicationCodeableConcept = new { coding = new[] { new { system = RxNorm, code = rxnorm } } },
        subject = new { reference = "Patient/p1" },
    };

    public static object MedicationStatement(string id, string rxnorm, string status = "active") => new
    {
        resourceType = "MedicationStatement",
        id,
        status,
        medicationCodeableConcept = new { coding = new[] { new { system = RxNorm, code = rxnorm } } },
        subject = new { reference = "Patient/p1" },
    };

    public static object Observation(string id, string loinc, object? value = null, string effective = "2026-11-28T09:00:00Z", string status = "final", object[]? components = null)
    {
        var observation = new Dictionary<string, object>
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = status,
            ["code"] = new { coding = new[] { new { system = Loinc, code = loinc } } },
            ["subject"] = new { reference = "Patient/p1" },
            ["effectiveDateTime"] = effective,
        };
        switch (value)
        {
            case int i:
                observation["valueInteger"] = i;
                break;
            case (string system, string code):
                observation["valueCodeableConcept"] = new { coding = new[] { new { system, code } } };
                break;
            case decimal mmHg:
                observation["valueQuantity"] = new { value = mmHg, unit = "mmHg", system = "http://unitsofmeasure.org", code = "mm[Hg]" };
                break;
        }

        if (components is not null)
            observation["component"] = components;
        return observation;
    }

    public static object PressureComponent(string loinc, decimal mmHg) => new
    {
        code = new { coding = new[] { new { system = Loinc, code = loinc } } },
        valueQuantity = new { value = mmHg, unit = "mmHg", system = "http://unitsofmeasure.org", code = "mm[Hg]" },
    };

    public static object Bundle(params object[] resources) => new
    {
        resourceType = "Bundle",
        type = "searchset",
        entry = resources.Select(r => new { resource = r }).ToArray(),
    };
}
