namespace KetamineCds.Web.CdsHooks;

/// <summary>The services the app offers (contract: shared/api/cds-hooks.md) and what discovery answers.</summary>
public static class CdsHookServices
{
    public const string PatientViewId = "ketamine-screening-patient-view";
    public const string OrderSignId = "ketamine-screening-order-sign";

    public static IReadOnlyList<CdsHookService> All { get; } =
    [
        new(PatientViewId, "patient-view", OrderSign: false),
        new(OrderSignId, "order-sign", OrderSign: true),
    ];

    /// <summary>
    /// What the rules read, as spec prefetch templates: the patient, conditions, medicines, the observations the value
    /// sets name (blood pressure LOINC 85354-9 / 8480-6 / 8462-4, PHQ-9 total 44261-6 and item 9 44260-8, pregnancy
    /// status 82810-3) and allergies.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Prefetch { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["patient"] = "Patient/{{context.patientId}}",
        ["conditions"] = "Condition?patient={{context.patientId}}",
        ["medicationRequests"] = "MedicationRequest?patient={{context.patientId}}",
        ["medicationStatements"] = "MedicationStatement?patient={{context.patientId}}",
        ["observations"] = "Observation?patient={{context.patientId}}&code=http://loinc.org|85354-9,http://loinc.org|8480-6,http://loinc.org|8462-4,http://loinc.org|44261-6,http://loinc.org|44260-8,http://loinc.org|82810-3",
        ["allergies"] = "AllergyIntolerance?patient={{context.patientId}}",
    };

    public static CdsHookService? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>The discovery document.</summary>
    public static object Discovery() => new
    {
        services = All.Select(s => new
        {
            hook = s.Hook,
            title = s.OrderSign ? CardTexts.OrderSignTitle : CardTexts.PatientViewTitle,
            description = s.OrderSign ? CardTexts.OrderSignDescription : CardTexts.PatientViewDescription,
            id = s.Id,
            prefetch = Prefetch,
        }).ToList(), // now, in the request's language: the JSON is written after the endpoint returns
    };
}
