namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The CDS Hooks call behind a log entry: the client (its JWT <c>iss</c>), <c>context.userId</c> as who asked, the hook
/// and its <c>hookInstance</c>, the service called, the uuids of the cards answered, and the FHIR data the call gave,
/// verbatim. Stored (and hashed) with the entry.
/// </summary>
public sealed record HookOrigin(string Issuer, string UserId, string Hook, string HookInstance, string ServiceId, IReadOnlyList<Guid> CardUuids, string FhirJson)
{
    /// <summary>
    /// Where the chart answered less cautiously than the clinician's screening that completed it and the more cautious
    /// answer was used (QA13 H1), or more cautiously and its answer was used (helper 274), or null. Written into the origin's JSON only when present, so an origin without one
    /// (every entry logged before it existed) is the same JSON, and its entry hashes as it did.
    /// </summary>
    public HookDisagreement? Disagreement { get; init; }

    /// <summary>
    /// The cards as the EHR was sent them (P12): what each said, not only its uuid. Null in entries logged before they
    /// were kept; written into the origin's JSON only when present (as <c>shown</c>), so such an entry is the same JSON
    /// and hashes as it did.
    /// </summary>
    public HookCardsShown? Shown { get; init; }

    /// <summary>
    /// The prefetch keys the EHR did not send, sent as null or an OperationOutcome, or sent in part (QA120 F4), or null
    /// when there were none. Written into the origin's JSON only when present (as <c>prefetchGaps</c>), so every entry
    /// logged before it existed, and every call without a gap, is the same JSON and hashes as it did.
    /// </summary>
    public IReadOnlyList<HookPrefetchGap>? PrefetchGaps { get; init; }

    /// <summary>
    /// Each value the chart's FHIR gave (QA120 F5): the field, the value as read (before any clinician's answer was
    /// weighed against it), and the chart entries it was read from, each with when it was taken where it says (an
    /// Observation's effective time as written). Null when the chart gave none, and in every entry logged before it
    /// existed; written into the origin's JSON only when present (as <c>readFromChart</c>), so such an entry is the same
    /// JSON and hashes as it did.
    /// </summary>
    public IReadOnlyList<HookChartValue>? ReadFromChart { get; init; }

    /// <summary>The origin as the JSON the log stores and hashes: fixed property order, the FHIR embedded as it came.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("issuer", Issuer);
            writer.WriteString("userId", UserId);
            writer.WriteString("hook", Hook);
            writer.WriteString("hookInstance", HookInstance);
            writer.WriteString("service", ServiceId);
            writer.WriteStartArray("cards");
            foreach (var uuid in CardUuids)
            {
                writer.WriteStringValue(uuid.ToString("D"));
            }

            writer.WriteEndArray();
            if (Disagreement is { } disagreement)
            {
                writer.WriteStartObject("disagreement");
                writer.WriteString("screening", disagreement.Screening.ToString("D"));
                writer.WriteString("answersOn", disagreement.AnswersOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteStartArray("fields");
                foreach (var field in disagreement.Fields)
                {
                    WriteFact(writer, field.Field, field.ChartJson, field.ChartEntries, null, field.ScreeningJson, field.UsedJson, field.Measured, field.ChartMoreCautious);
                }

                writer.WriteEndArray();
                if (disagreement.Identity is { Count: > 0 } identity)
                {
                    writer.WriteStartArray("identity");
                    foreach (var fact in identity)
                    {
                        WriteFact(writer, fact.Field, fact.ChartJson, fact.ChartEntries, fact.ChartBirthYear, fact.ScreeningJson, fact.UsedJson, null, chartMoreCautious: false);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            if (Shown is { } shown)
            {
                writer.WriteStartObject("shown");
                writer.WriteString("language", shown.Language);
                writer.WriteStartArray("cards");
                foreach (var card in shown.Cards)
                {
                    writer.WriteStartObject();
                    writer.WriteString("uuid", card.Uuid.ToString("D"));
                    writer.WriteString("indicator", card.Indicator);
                    writer.WriteString("summary", card.Summary);
                    writer.WriteString("detail", card.Detail);
                    writer.WriteString("source", card.SourceLabel);
                    WriteLabels(writer, "links", card.LinkLabels);
                    WriteLabels(writer, "suggestions", card.SuggestionLabels);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            if (PrefetchGaps is { Count: > 0 } gaps)
            {
                writer.WriteStartArray("prefetchGaps");
                foreach (var gap in gaps)
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", gap.Key);
                    writer.WriteString("state", gap.State);
                    if (gap.Detail.Length > 0)
                    {
                        writer.WriteString("detail", gap.Detail);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (ReadFromChart is { Count: > 0 } read)
            {
                writer.WriteStartArray("readFromChart");
                foreach (var value in read)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", value.Field);
                    writer.WritePropertyName("value");
                    writer.WriteRawValue(value.ValueJson);
                    writer.WriteStartArray("from");
                    foreach (var source in value.From)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("entry", source.Entry);
                        if (source.At is { } at)
                        {
                            writer.WriteString("at", at);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WritePropertyName("fhir");
            writer.WriteRawValue(FhirJson);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// One fact of a <c>disagreement</c>, as both its <c>fields</c> and its <c>identity</c> are written (helper 268,
    /// duplicates D1: each had a writer of its own): <c>field</c>, <c>chart</c>, <c>chartEntries</c>, an identity fact's
    /// <c>chartBirthYear</c>, <c>screening</c>, <c>used</c>, a field's <c>moreCautious</c> (<c>"chart"</c>, helper 274) and a
    /// measurement's <c>measured</c>, each optional member only when present. The order is the one stored and hashed: it
    /// must not change.
    /// </summary>
    private static void WriteFact(System.Text.Json.Utf8JsonWriter writer, string field, string chartJson, IReadOnlyList<string> chartEntries, string? chartBirthYear, string screeningJson, string usedJson, HookMeasuredAt? measured, bool chartMoreCautious)
    {
        writer.WriteStartObject();
        writer.WriteString("field", field);
        writer.WritePropertyName("chart");
        writer.WriteRawValue(chartJson);
        writer.WriteStartArray("chartEntries");
        foreach (var entry in chartEntries)
        {
            writer.WriteStringValue(entry);
        }

        writer.WriteEndArray();
        if (chartBirthYear is not null)
        {
            writer.WriteString("chartBirthYear", chartBirthYear);
        }

        writer.WritePropertyName("screening");
        writer.WriteRawValue(screeningJson);
        writer.WritePropertyName("used");
        writer.WriteRawValue(usedJson);
        if (chartMoreCautious)
        {
            writer.WriteString("moreCautious", "chart");
        }

        if (measured is not null)
        {
            writer.WriteStartObject("measured");
            writer.WriteString("order", measured.Order);
            if (measured.ChartAt is { } chartAt)
            {
                writer.WriteString("chartAt", chartAt);
            }

            writer.WriteString("screeningAt", measured.ScreeningAt);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteLabels(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyList<string> labels)
    {
        writer.WriteStartArray(name);
        foreach (var label in labels)
        {
            writer.WriteStringValue(label);
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static HookOrigin FromJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        HookDisagreement? disagreement = null;
        if (root.TryGetProperty("disagreement", out var d))
        {
            disagreement = new HookDisagreement(
                d.GetProperty("screening").GetGuid(),
                DateOnly.ParseExact(d.GetProperty("answersOn").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                [
                    .. d.GetProperty("fields").EnumerateArray().Select(f => new HookDisagreementField(
                        f.GetProperty("field").GetString()!,
                        f.GetProperty("chart").GetRawText(),
                        [.. f.GetProperty("chartEntries").EnumerateArray().Select(e => e.GetString()!)],
                        f.GetProperty("screening").GetRawText(),
                        f.GetProperty("used").GetRawText())
                    {
                        Measured = f.TryGetProperty("measured", out var m)
                            ? new HookMeasuredAt(
                                m.GetProperty("order").GetString()!,
                                m.TryGetProperty("chartAt", out var chartAt) ? chartAt.GetString() : null,
                                m.GetProperty("screeningAt").GetString()!)
                            : null,
                        ChartMoreCautious = f.TryGetProperty("moreCautious", out var cautious) && cautious.ValueKind == System.Text.Json.JsonValueKind.String && cautious.GetString() == "chart",
                    }),
                ])
            {
                Identity = d.TryGetProperty("identity", out var identity)
                    ?
                    [
                        .. identity.EnumerateArray().Select(f => new HookIdentityField(
                            f.GetProperty("field").GetString()!,
                            f.GetProperty("chart").GetRawText(),
                            [.. f.GetProperty("chartEntries").EnumerateArray().Select(e => e.GetString()!)],
                            f.GetProperty("screening").GetRawText(),
                            f.GetProperty("used").GetRawText())
                        {
                            ChartBirthYear = f.TryGetProperty("chartBirthYear", out var year) ? year.GetString() : null,
                        }),
                    ]
                    : null,
            };
        }

        HookCardsShown? shown = null;
        if (root.TryGetProperty("shown", out var sh))
        {
            shown = new HookCardsShown(
                sh.GetProperty("language").GetString()!,
                [
                    .. sh.GetProperty("cards").EnumerateArray().Select(c => new HookCardShown(
                        c.GetProperty("uuid").GetGuid(),
                        c.GetProperty("indicator").GetString()!,
                        c.GetProperty("summary").GetString()!,
                        c.GetProperty("detail").GetString()!,
                        c.GetProperty("source").GetString()!,
                        [.. c.GetProperty("links").EnumerateArray().Select(l => l.GetString()!)],
                        [.. c.GetProperty("suggestions").EnumerateArray().Select(l => l.GetString()!)])),
                ]);
        }

        List<HookPrefetchGap>? gaps = null;
        if (root.TryGetProperty("prefetchGaps", out var g))
        {
            gaps =
            [
                .. g.EnumerateArray().Select(x => new HookPrefetchGap(
                    x.GetProperty("key").GetString()!,
                    x.GetProperty("state").GetString()!,
                    x.TryGetProperty("detail", out var detail) ? detail.GetString()! : "")),
            ];
        }

        List<HookChartValue>? read = null;
        if (root.TryGetProperty("readFromChart", out var r))
        {
            read =
            [
                .. r.EnumerateArray().Select(x => new HookChartValue(
                    x.GetProperty("field").GetString()!,
                    x.GetProperty("value").GetRawText(),
                    [
                        .. x.GetProperty("from").EnumerateArray().Select(f => new HookChartSource(
                            f.GetProperty("entry").GetString()!,
                            f.TryGetProperty("at", out var at) ? at.GetString() : null)),
                    ])),
            ];
        }

        return new HookOrigin(
            root.GetProperty("issuer").GetString()!,
            root.GetProperty("userId").GetString()!,
            root.GetProperty("hook").GetString()!,
            root.GetProperty("hookInstance").GetString()!,
            root.GetProperty("service").GetString()!,
            root.GetProperty("cards").EnumerateArray().Select(c => c.GetGuid()).ToList(),
            root.GetProperty("fhir").GetRawText())
        {
            Disagreement = disagreement,
            Shown = shown,
            PrefetchGaps = gaps,
            ReadFromChart = read,
        };
    }
}

/// <summary>
/// The chart's answers that were less cautious than those of the clinician's screening that completed the answer (or,
/// since helper 274, more cautious: <see cref="HookDisagreementField.ChartMoreCautious"/>), or gave another reading of a
/// measurement: that screening, the clinic's day its answers were given, and each field in the catalogue's order (empty
/// when the chart and the screening differed only on <see cref="Identity"/>).
/// </summary>
public sealed record HookDisagreement(Guid Screening, DateOnly AnswersOn, IReadOnlyList<HookDisagreementField> Fields)
{
    /// <summary>
    /// Helper 261: the facts about the patient on which the chart and that screening could not both be right (the sex at
    /// birth, an age the chart's birth date does not allow on the screening's day), for which the EHR was sent the "Same
    /// patient?" warning card (helper 258), the sex at birth first; null when there were none, and in every entry logged
    /// before it existed. Written into the origin's JSON (as <c>identity</c>) only when there is one, so such an entry is
    /// the same JSON and hashes as it did.
    /// </summary>
    public IReadOnlyList<HookIdentityField>? Identity { get; init; }
}

/// <summary>
/// Helper 261: one fact about the patient on which the chart and the clinician's screening could not both be right: the
/// field (<c>sexAtBirth</c>, <c>ageYears</c>), the chart's answer (<c>null</c> for an age its birth date does not fix),
/// the Patient entries it was read from, the screening's answer and the answer used (the chart's; <c>null</c> when none
/// was), each as its contract JSON value.
/// </summary>
public sealed record HookIdentityField(string Field, string ChartJson, IReadOnlyList<string> ChartEntries, string ScreeningJson, string UsedJson)
{
    /// <summary>
    /// For the age: the year of the chart's birth date, as the log keeps a Patient's birth date (<c>1996</c>; QA14a P9: the
    /// full date is a direct identifier; the chart's age was worked out from it); null for the sex at birth.
    /// </summary>
    public string? ChartBirthYear { get; init; }
}

/// <summary>
/// One field: the chart's answer and the entries it was read from (<c>Condition/123</c>), the screening's answer, and
/// the answer used (the more cautious), each as its contract JSON value (<c>true</c>, <c>"active"</c>, <c>["alcohol"]</c>).
/// </summary>
public sealed record HookDisagreementField(string Field, string ChartJson, IReadOnlyList<string> ChartEntries, string ScreeningJson, string UsedJson)
{
    /// <summary>
    /// Helper 274 (QA272 F6): true where the chart's answer was the more cautious and was used (the screening's, a
    /// correction's "not pregnant", was not). Written into the fact's JSON (as <c>"moreCautious":"chart"</c>, after
    /// <c>used</c>) only when true, so every fact logged before it existed (the screening's more cautious answer, a
    /// measurement) is the same JSON and hashes as it did.
    /// </summary>
    public bool ChartMoreCautious { get; init; }

    /// <summary>
    /// For a measurement (blood pressure, PHQ-9; QA120 F2), which reading was newer and when each was taken; null for an
    /// answer compared by caution, and in every entry logged before it existed (written only when present, so such an
    /// entry is the same JSON and hashes as it did). <see cref="UsedJson"/> is <c>null</c> when neither reading was used.
    /// </summary>
    public HookMeasuredAt? Measured { get; init; }
}

/// <summary>
/// How a measurement the chart and the screening both gave was settled: <c>screening-newer</c> or <c>chart-newer</c> (the
/// newer reading used), or <c>order-not-known</c>; the chart observation's time as the FHIR wrote it (null when it could
/// not be read) and when the screening's answers were recorded (UTC, ISO 8601).
/// </summary>
public sealed record HookMeasuredAt(string Order, string? ChartAt, string ScreeningAt);

/// <summary>
/// The cards of an answer as sent to the EHR, in the language they were written in (<c>en</c>, <c>zh-Hans</c>). Each
/// card's detail is as built before the closing note that names the log entry itself (that note needs the entry's id,
/// which the entry is given only as it is written).
/// </summary>
public sealed record HookCardsShown(string Language, IReadOnlyList<HookCardShown> Cards);

/// <summary>
/// One card as shown: its uuid, indicator, summary, Markdown detail, <c>source.label</c>, and the labels of its links and
/// suggestions (a link's URL is not kept: the intake form's carries the prefill id that opens the patient's prefilled form).
/// </summary>
public sealed record HookCardShown(Guid Uuid, string Indicator, string Summary, string Detail, string SourceLabel, IReadOnlyList<string> LinkLabels, IReadOnlyList<string> SuggestionLabels);

/// <summary>
/// A prefetch key the EHR left unfilled: the key, its state (<c>not-sent</c>, <c>null</c>, <c>operation-outcome</c>,
/// <c>partial</c>) and a detail (the OperationOutcome's issue codes, "57 found, 1 sent", "next page"; empty when none).
/// </summary>
public sealed record HookPrefetchGap(string Key, string State, string Detail);

/// <summary>
/// One value the chart's FHIR gave (QA120 F5): the field, the value as read, as its contract JSON value (<c>true</c>,
/// <c>"active"</c>, <c>12</c>), and the chart entries it was read from.
/// </summary>
public sealed record HookChartValue(string Field, string ValueJson, IReadOnlyList<HookChartSource> From);

/// <summary>
/// A chart entry a value was read from, as the FHIR reader names it (<c>Observation/abc</c>, else its Bundle entry's
/// <c>fullUrl</c>), and when it was taken as the FHIR wrote it (an Observation's effective time:
/// <c>2026-11-30T14:05:00+08:00</c>, <c>2026-11-30</c>), or null where the entry gives none the reader used.
/// </summary>
public sealed record HookChartSource(string Entry, string? At);
