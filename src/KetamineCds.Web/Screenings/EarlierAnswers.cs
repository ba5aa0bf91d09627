using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The answers of an earlier screening that may be carried into a new one: a re-screen's form, or a CDS Hooks call
/// completed from the clinician's recent screening. An answer about the patient's present state or a recent window that
/// is out of date by now (<see cref="FieldDefinition.CurrentForDays"/>: yesterday's blood pressure, suicidality or
/// medicines recorded on another day, a PHQ-9 older than its two weeks) is left out and named, so that it is asked or
/// measured again instead of being read as current. An answer not recorded that has a contract default (the
/// jurisdiction: <c>us</c>) is carried as the value the earlier screening was assessed under, so that a re-screen keeps
/// the earlier screening's label and never takes the clinic's default in its place.
/// </summary>
/// <param name="Request">The stored answers still current, read as the API reads a body.</param>
/// <param name="OutOfDate">The fields the earlier screening recorded that are no longer current, in the catalogue's order.</param>
public sealed record EarlierAnswers(ScreeningRequest Request, IReadOnlyList<FieldDefinition> OutOfDate)
{
    /// <summary>The answers of <paramref name="earlier"/> that still hold today, days counted in the clinic's time zone.</summary>
    public static EarlierAnswers Of(LoggedScreening earlier, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(calendar);
        var stored = ScreeningJsonReader.ReadStored(earlier.InputJson);
        var recordedOn = calendar.DayOf(earlier.RecordedAt);
        var today = calendar.Today;
        var outOfDate = new List<FieldDefinition>();
        foreach (var field in Fields.All.Where(f => !f.IsCurrent(recordedOn, today) && stored[f] is not null))
        {
            stored[field] = null;
            outOfDate.Add(field);
        }

        foreach (var field in Fields.All.Where(f => f.Default is not null && stored.ContractValueOf(f.Name) is null))
        {
            stored[field] = field.Default;
        }

        return new(stored, outOfDate);
    }
}
