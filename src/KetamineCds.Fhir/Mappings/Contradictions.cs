using System.Globalization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// QA132 F4: two values the chart gives that cannot both be right: a field's value above the one it may not exceed
/// (<see cref="FieldDefinition.AtMost"/>; PHQ-9 item 9 above the PHQ-9 total: an item is part of the total), or, QA157
/// F2, below that total less what its other parts score at most (<see cref="FieldDefinition.OtherPartsAtMost"/>; a PHQ-9
/// total of 27 beside an item 9 of 0: the other eight items score at most 24, so that total means an item 9 of 3,
/// <see cref="ChartEntryToCheck.PartTooLow"/>). The
/// screening's contract refuses the pair, so one of them is wrong (or they are of different questionnaires): neither is
/// read or prefilled (<see cref="ReadingBuilder.SetAside"/>), and each is named beside its own field with its value and
/// its time, the other field named with it (<see cref="ChartCheckKind.ResultsContradict"/>), as a "pregnant" and a
/// "not pregnant" result of the same time are both named and neither read. Nothing here names a field.
/// </summary>
internal static class Contradictions
{
    public static void Read(PatientRecord record, ReadingBuilder reading)
    {
        foreach (var field in Fields.All.Where(f => f.AtMost is not null))
        {
            if (!reading.TryGet(field.Name, out var value, out var valueFrom) || !reading.TryGet(field.AtMost!, out var limit, out var limitFrom)
                || ToDecimal(value) is not { } v || ToDecimal(limit) is not { } l)
                continue;

            var partTooLow = v < field.LeastWith(l);
            if (!(v > l || partTooLow))
                continue;

            Name(record, reading, field.Name, value, valueFrom, field.AtMost!, partTooLow);
            Name(record, reading, field.AtMost!, limit, limitFrom, field.Name, partTooLow);
            reading.SetAside(field.Name);
            reading.SetAside(field.AtMost!);
        }
    }

    private static void Name(PatientRecord record, ReadingBuilder reading, string field, object value, IReadOnlyList<FhirSource> from, string against, bool partTooLow)
    {
        foreach (var source in from)
        {
            var observation = record.Observations.FirstOrDefault(o => string.Equals(o.Reference, source.Reference, StringComparison.Ordinal));
            var words = observation is null ? source.Reference : ChartWords.Of(observation.Resource.Code);
            var shown = Convert.ToString(value, CultureInfo.InvariantCulture);
            reading.Check(field, ChartCheckKind.ResultsContradict, source.Reference, $"{words} = {shown}, {Observations.Dated(source, record)}", against: against, partTooLow: partTooLow);
        }
    }

    private static decimal? ToDecimal(object value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        _ => null,
    };
}
