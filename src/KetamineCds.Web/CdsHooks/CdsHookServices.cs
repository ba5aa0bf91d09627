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
    /// sets name (blood pressure LOINC 85354-9 / 8480-6 / 8462-4, PHQ-9 total 44261-6 and its nine items 44250-9 ...
    /// 44260-8, the total's other form, pregnancy status 82810-3) and allergies. The observations are asked for most
    /// recent first (<c>_sort=-date</c>, FHIR R4 search: <c>date</c> is Observation's effective time) in pages of 100
    /// (<c>_count</c>): CDS Hooks 2.0's prefetch query restrictions allow both. Every field reads only recent observations
    /// (14 days at most), so a first page of the most recent holds what is read; the reader still picks the most recent
    /// of each code whatever order the EHR sends them in, and a next page not sent is still named (PrefetchGaps).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Prefetch { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["patient"] = "Patient/{{context.patientId}}",
        ["conditions"] = "Condition?patient={{context.patientId}}",
        ["medicationRequests"] = "MedicationRequest?patient={{context.patientId}}",
        ["medicationStatements"] = "MedicationStatement?patient={{context.patientId}}",
        ["observations"] = "Observation?patient={{context.patientId}}&code=http://loinc.org|85354-9,http://loinc.org|8480-6,http://loinc.org|8462-4,http://loinc.org|44261-6,"
            + "http://loinc.org|44250-9,http://loinc.org|44255-8,http://loinc.org|44259-0,http://loinc.org|44254-1,http://loinc.org|44251-7,http://loinc.org|44258-2,"
            + "http://loinc.org|44252-5,http://loinc.org|44253-3,http://loinc.org|44260-8,http://loinc.org|82810-3&_sort=-date&_count=100",
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
