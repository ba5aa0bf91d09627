using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The answers of an earlier screening that may be carried into a new one: a re-screen's form, or a CDS Hooks call
/// completed from the clinician's recent screening. An answer that describes one moment and is out of date by now
/// (today's blood pressure, a PHQ-9 older than its two weeks: <see cref="FieldDefinition.CurrentForDays"/>) is left out
/// and named, so that it is measured again instead of being read as current.
/// </summary>
/// <param name="Request">The stored answers still current, read as the API reads a body.</param>
/// <param name="OutOfDate">The fields the earlier screening recorded that are no longer current, in the catalogue's order.</param>
public sealed record EarlierAnswers(ScreeningRequest Request, IReadOnlyList<FieldDefinition> OutOfDate)
{
    /// <summary>The answers of <paramref name="earlier"/> that still hold at <paramref name="now"/> (days counted in UTC, as the FHIR reading counts them).</summary>
    public static EarlierAnswers Of(LoggedScreening earlier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var stored = ScreeningJsonReader.ReadStored(earlier.InputJson);
        var recordedOn = DateOnly.FromDateTime(earlier.RecordedAt.UtcDateTime);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var outOfDate = new List<FieldDefinition>();
        foreach (var field in Fields.All.Where(f => !f.IsCurrent(recordedOn, today) && stored[f] is not null))
        {
            stored[field] = null;
            outOfDate.Add(field);
        }

        return new(stored, outOfDate);
    }
}
