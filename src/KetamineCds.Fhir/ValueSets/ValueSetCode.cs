namespace KetamineCds.Fhir.ValueSets;

/// <summary>
/// One entry of a value set: a single <see cref="Code"/>, or an ICD-10-CM <see cref="Prefix"/> meaning that code and
/// every code below it (<c>I71</c> covers I71, I71.0, I71.01 ...).
/// </summary>
public sealed class ValueSetCode
{
    /// <summary>The code system's canonical URL (<c>http://snomed.info/sct</c>).</summary>
    public required string System { get; init; }

    /// <summary>The exact code, or null when <see cref="Prefix"/> is given.</summary>
    public string? Code { get; init; }

    /// <summary>An ICD-10-CM code meaning itself and all its children, or null when <see cref="Code"/> is given.</summary>
    public string? Prefix { get; init; }

    public required string Display { get; init; }

    /// <summary>The contract value the code stands for (<c>bipolar-i</c>, <c>ssri</c>, <c>alcohol</c>), or null when the field is a yes/no the code answers yes.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// A qualifier some value sets use (<c>in-remission</c> for a substance use disorder in remission; in the PHQ-9 total's,
    /// <c>item</c> for the questionnaire's items a total is summed from and <c>item-answer</c> for their answers), or null.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>Where the code was confirmed: a document in the repository, a reference with its URL, or a public FHIR IG.</summary>
    public required string Source { get; init; }

    public override string ToString() => $"{System}|{Code ?? Prefix + "*"}";
}
