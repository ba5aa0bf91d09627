using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The answers of an earlier screening that may be carried into a new one: a re-screen's form, or a CDS Hooks call
/// completed from the clinician's recent screening. An answer about the patient's present state or a recent window that
/// is out of date by now (<see cref="FieldDefinition.CurrentForDays"/>: yesterday's blood pressure, suicidality or
/// medicines recorded on another day, a PHQ-9 older than its two weeks) is left out and named, so that it is asked or
/// measured again instead of being read as current. The day an answer was given is the day of the encounter it
/// describes (<see cref="AnswersDay"/>): a correction recorded today of yesterday's screening holds yesterday's answers.
/// An answer not recorded that has a contract default (the jurisdiction: <c>us</c>) is carried as the value the earlier
/// screening was assessed under, so that a re-screen keeps the earlier screening's label and never takes the clinic's
/// default in its place.
/// </summary>
/// <param name="Request">The stored answers still current, read as the API reads a body.</param>
/// <param name="OutOfDate">The fields the earlier screening recorded that are no longer current, in the catalogue's order.</param>
/// <param name="AnswersOn">The clinic's day the earlier screening's answers hold for (<see cref="AnswersDay"/>); null when it cannot be established.</param>
/// <param name="Today">The clinic's day the answers were counted against ("today"), which the page names beside <paramref name="AnswersOn"/> (QA8 F10).</param>
public sealed record EarlierAnswers(ScreeningRequest Request, IReadOnlyList<FieldDefinition> OutOfDate, DateOnly? AnswersOn = null, DateOnly? Today = null)
{
    /// <summary>
    /// The yes/no questions the earlier screening asked and recorded as not known ("Not known", stored as null), whose
    /// answer is carried (still current), in the catalogue's order (QA session 46). Not among them: a question its form did
    /// not ask (the other answers did not ask it, or it came in a later release: the stored input, which writes every field
    /// of its contract, does not name it), nor one left with no answer chosen, on the form or in an API body (the stored input
    /// leaves a yes/no never answered out; helper 227: it came back as "Not known"), which opens unanswered as it was, nor
    /// one out of date by now, which is asked again as on a new form. An entry stored before that names every yes/no, so its
    /// unanswered ones still open as "Not known": the two cannot be told apart there, and both are not recorded.
    /// </summary>
    public IReadOnlyList<FieldDefinition> NotKnown { get; init; } = [];

    /// <summary>The answers of <paramref name="earlier"/> that still hold today, days counted in the clinic's time zone.</summary>
    public static EarlierAnswers Of(LoggedScreening earlier, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(calendar);
        var read = ReadStored(earlier);
        var stored = read.Request;
        var answersOn = AnswersDay(earlier, calendar);
        var today = calendar.Today;
        var notKnown = NotKnownIn(read)
            .Where(f => answersOn is { } day ? f.IsCurrent(day, today) : f.CurrentForDays is null)
            .ToList();
        var outOfDate = new List<FieldDefinition>();
        foreach (var field in Fields.All.Where(f => stored[f] is not null && (answersOn is { } day ? !f.IsCurrent(day, today) : f.CurrentForDays is not null)))
        {
            stored[field] = null;
            outOfDate.Add(field);
        }

        return new(WithDefaults(stored), outOfDate, answersOn, today) { NotKnown = notKnown };
    }

    /// <summary>
    /// Every answer of <paramref name="earlier"/> as that day's, none left out: what a correction corrects (the record of
    /// that encounter, QA8 F11), with its answers' day.
    /// </summary>
    public static EarlierAnswers AsRecorded(LoggedScreening earlier, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var read = ReadStored(earlier);
        return new(WithDefaults(read.Request), [], AnswersDay(earlier, calendar)) { NotKnown = NotKnownIn(read) };
    }

    private static ScreeningJsonReadResult ReadStored(LoggedScreening earlier) =>
        ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(earlier.InputJson));

    /// <summary>
    /// The yes/no questions the stored input asked and recorded as not known: named in it with null, and asked given its
    /// answers (<see cref="FieldDefinition.AskedWhen"/>).
    /// </summary>
    private static List<FieldDefinition> NotKnownIn(ScreeningJsonReadResult stored) =>
        [.. Fields.All.Where(f => f.Type == FieldType.YesNo && stored.NamedWithoutValue.Contains(f.Name) && f.IsAskedGiven(stored.Request.ContractValueOf))];

    /// <summary>An answer not recorded that has a contract default is the value the screening was assessed under.</summary>
    private static ScreeningRequest WithDefaults(ScreeningRequest stored)
    {
        foreach (var field in Fields.All.Where(f => f.Default is not null && stored.ContractValueOf(f.Name) is null))
        {
            stored[field] = field.Default;
        }

        return stored;
    }

    /// <summary>
    /// The clinic's day a screening's answers hold for (QA8 F11): the day of <see cref="LoggedScreening.AnswersRecordedAt"/>,
    /// that is the screening's own day, or for a correction the day of the screening it corrects (followed through
    /// corrections of corrections). Null when that cannot be established (a correction of an entry that cannot be read):
    /// then no answer with <see cref="FieldDefinition.CurrentForDays"/> is current. This is the one place that dates an
    /// entry's answers, for a re-screen's form and for a CDS Hooks completion alike.
    /// </summary>
    public static DateOnly? AnswersDay(LoggedScreening screening, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(calendar);
        return screening.AnswersRecordedAtUnknown ? null : calendar.DayOf(screening.AnswersRecordedAt);
    }
}
