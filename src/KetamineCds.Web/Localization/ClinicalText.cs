using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Localization;

/// <summary>
/// Every clinical and user-facing text in the request's language (docs/translations.md). English is canonical and stays
/// where it is defined: rule and principle texts and field labels in the Domain (and so in the rule-set digest), the
/// app's own words (display names, choices, messages) in <c>Resources/Localization/ClinicalText.resx</c>. The Simplified
/// Chinese texts are in the <c>.zh-Hans.resx</c> files, each tied to a hash of the English it translates.
/// </summary>
/// <remarks>
/// A rule's texts are looked up by rule id and by the hash of the English the finding carries: a finding of an older
/// rule-set version carries that version's English, so it gets that version's translation or, where none was made,
/// the English; never the translation of a newer text. Everything else falls back to English when a translation is
/// missing, and a test (TranslationCompletenessTests) fails on any missing or stale one.
/// </remarks>
public sealed class ClinicalText
{
    /// <summary>The resource base name of rule and principle translations (their English is in the Domain).</summary>
    public const string RuleTextBaseName = "KetamineCds.Web.Localization.RuleText";

    private readonly IStringLocalizer _text;

    private readonly IStringLocalizer _rules;

    private readonly Lazy<FrozenDictionary<string, string>> _problemKeysByEnglish;

    public ClinicalText(IStringLocalizerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _text = factory.Create(typeof(ClinicalText));
        _rules = factory.Create(RuleTextBaseName, typeof(ClinicalText).Assembly.GetName().Name!);
        _problemKeysByEnglish = new(() => EnglishEntries(_text)
            .Where(e => e.Name.StartsWith("Problem.", StringComparison.Ordinal))
            .ToFrozenDictionary(e => e.Value, e => e.Name, StringComparer.Ordinal));
    }

    /// <summary>
    /// The instance for code that has no service provider (the static <c>Display</c> helpers, the validator's messages,
    /// the JSON reader): the same resource files through the framework's own factory.
    /// </summary>
    public static ClinicalText Shared { get; } = new(LocalizationSetup.SharedFactory);

    /// <summary>True when the current request's UI language is Simplified Chinese.</summary>
    public static bool IsChinese => Cultures.IsSimplifiedChinese(CultureInfo.CurrentUICulture);

    /// <summary>What goes between two sentences: a space in English, nothing in Chinese (its full stop carries the gap).</summary>
    public static string SentenceGap => IsChinese ? "" : " ";

    /// <summary>Sentences one after another: spaced in English, set close in Chinese (<see cref="SentenceGap"/>).</summary>
    public static string Sentences(string first, string second) => first + SentenceGap + second;

    /// <summary>The first 16 hex digits of the SHA-256 of an English text: the stamp that ties a translation to it.</summary>
    public static string Hash(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(english)))[..16];
    }

    /// <summary>The resource key of one text of a rule: <c>Rule.PSY-001.Summary.&lt;hash of the English&gt;</c>.</summary>
    public static string RuleKey(string ruleId, RulePart part, string english) => $"Rule.{ruleId}.{part}.{Hash(english)}";

    /// <summary>The resource key of one text of a principle: <c>Principle.P-BIPOLAR.Statement</c>.</summary>
    public static string PrincipleKey(string principleId, PrinciplePart part) => $"Principle.{principleId}.{part}";

    /// <summary>The resource key of one text of an unconfirmed fact, by its number: <c>Unconfirmed.13.InBrief</c>.</summary>
    public static string UnconfirmedFactKey(int number, UnconfirmedFactPart part) =>
        $"Unconfirmed.{number.ToString(CultureInfo.InvariantCulture)}.{part}";

    /// <summary>The resource key of one text of a discrepancy: <c>Discrepancy.D7.Reading</c>.</summary>
    public static string DiscrepancyKey(string id, DiscrepancyPart part) => $"Discrepancy.{id}.{part}";

    // ---- the Domain's texts --------------------------------------------------------------------------------

    public string FieldLabel(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Translate(_text, field.LabelKey, field.Label);
    }

    /// <summary>The label of a field by its contract name; the name itself when it is not a field.</summary>
    public string FieldLabel(string name) => Fields.Find(name) is { } field ? FieldLabel(field) : name;

    public string? FieldHelp(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Help is null ? null : Translate(_text, field.HelpKey, field.Help);
    }

    public string? Unit(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Unit is null ? null : Translate(_text, field.UnitKey, field.Unit);
    }

    /// <summary>
    /// The unit after the contract value <paramref name="value"/>: "1 week", "2 weeks" (QA session 48: "1 weeks"). Chinese
    /// has one form for both, the unit's translation.
    /// </summary>
    public string? Unit(FieldDefinition field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return value == "1" && field.UnitOfOne is { } one ? Translate(_text, field.UnitKey, one) : Unit(field);
    }

    /// <summary>
    /// A count without a unit as an answer shows it: "3" in English, "3 次" (trials) or "2 种" (mechanisms) in Chinese,
    /// which does not set a bare number after a count (<c>Count.{field}</c>); the value itself for any other field.
    /// </summary>
    public string Count(FieldDefinition field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        var found = _text["Count." + field.Name, value];
        return found.ResourceNotFound ? value : found.Value;
    }

    /// <summary>The display name of a choice value of a field (<c>bipolar-i</c> is "Bipolar I disorder").</summary>
    public string Choice(FieldDefinition field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        var found = _text[field.ChoiceKey(value)];
        return found.ResourceNotFound ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.Replace('-', ' ')) : found.Value;
    }

    public string RuleSummary(string ruleId, string englishSummary) => Translate(_rules, RuleKey(ruleId, RulePart.Summary, englishSummary), englishSummary);

    public string RuleDetail(string ruleId, string englishDetail) => Translate(_rules, RuleKey(ruleId, RulePart.Detail, englishDetail), englishDetail);

    public string RuleCondition(string ruleId, string englishCondition) => Translate(_rules, RuleKey(ruleId, RulePart.Condition, englishCondition), englishCondition);

    /// <summary>
    /// One text of a rule in the reader's language, and whether it is shown in English only because no translation of
    /// that English exists (an older rule set's wording that was never translated; a translation is tied to the hash
    /// of the English it translates, <see cref="RuleKey"/>). A page marks such a text <c>lang="en"</c> and says why
    /// (QA11 F5). Always false in English.
    /// </summary>
    public (string Text, bool Untranslated) RuleText(string ruleId, RulePart part, string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (!IsChinese)
        {
            return (english, false);
        }

        var found = _rules[RuleKey(ruleId, part, english)];
        return found.ResourceNotFound ? (english, true) : (found.Value, false);
    }

    public string RuleSummary(Rule rule) => RuleSummary(NotNull(rule).Id, rule.Summary);

    public string RuleDetail(Rule rule) => RuleDetail(NotNull(rule).Id, rule.Detail);

    public string RuleCondition(Rule rule) => RuleCondition(NotNull(rule).Id, rule.ConditionText);

    public string FindingSummary(Finding finding) => RuleSummary(NotNull(finding).RuleId, finding.Summary);

    public string FindingDetail(Finding finding) => RuleDetail(NotNull(finding).RuleId, finding.Detail);

    public string PrincipleStatement(Principle principle) =>
        Translate(_rules, PrincipleKey(NotNull(principle).Id, PrinciplePart.Statement), principle.Statement);

    public string? PrincipleCaveat(Principle principle) =>
        NotNull(principle).Caveat is { } caveat ? Translate(_rules, PrincipleKey(principle.Id, PrinciplePart.Caveat), caveat) : null;

    public string PrincipleSection(Principle principle) =>
        Translate(_rules, PrincipleKey(NotNull(principle).Id, PrinciplePart.Section), principle.Section);

    /// <summary>An unconfirmed fact ("To verify"), in full.</summary>
    public string UnconfirmedFactText(UnconfirmedFact fact) =>
        Translate(_rules, UnconfirmedFactKey(NotNull(fact).Number, UnconfirmedFactPart.Fact), fact.Fact);

    /// <summary>An unconfirmed fact in a few words, as a finding's mark says it.</summary>
    public string UnconfirmedFactInBrief(UnconfirmedFact fact) =>
        Translate(_rules, UnconfirmedFactKey(NotNull(fact).Number, UnconfirmedFactPart.InBrief), fact.InBrief);

    public string DiscrepancySubject(Discrepancy discrepancy) =>
        Translate(_rules, DiscrepancyKey(NotNull(discrepancy).Id, DiscrepancyPart.Subject), discrepancy.Subject);

    public string DiscrepancyDisagreement(Discrepancy discrepancy) =>
        Translate(_rules, DiscrepancyKey(NotNull(discrepancy).Id, DiscrepancyPart.Disagreement), discrepancy.Disagreement);

    public string DiscrepancyReading(Discrepancy discrepancy) =>
        Translate(_rules, DiscrepancyKey(NotNull(discrepancy).Id, DiscrepancyPart.Reading), discrepancy.Reading);

    // ---- display names ------------------------------------------------------------------------------------

    public string Verdict(Verdict verdict) => Message("Verdict." + WireNames.Of(verdict));

    public string VerdictExplanation(Verdict verdict) => Message("Verdict." + WireNames.Of(verdict) + ".Explain");

    /// <summary>
    /// "Not indicated" where the investigational PTSD/OCD pathway applies: only an investigational use applies, which the
    /// overall verdict leaves aside (P-PTSD, P-OCD; clinical audit QA10b C7).
    /// </summary>
    public string VerdictExplanationInvestigationalOnly() => Message("Verdict.not-indicated.ExplainInvestigational");

    /// <summary>
    /// Helper 271: "Not indicated" where the investigational PTSD/OCD pathway waits for answers (incomplete): whether that use
    /// may be considered cannot be said yet, so the explanation never says that it applies; it says where the answers are listed.
    /// </summary>
    public string VerdictExplanationInvestigationalWaiting() => Message("Verdict.not-indicated.ExplainInvestigationalWaiting");

    /// <summary>"Not indicated" where the investigational PTSD/OCD pathway applies but is itself not eligible (QA148 F11).</summary>
    public string VerdictExplanationInvestigationalBlocked() => Message("Verdict.not-indicated.ExplainInvestigationalBlocked");

    public string PathwayStatus(PathwayStatus status) => Message("PathwayStatus." + WireNames.Of(status));

    public string Pathway(Pathway pathway) => Message("Pathway." + WireNames.Of(pathway));

    public string PathwayShortName(Pathway pathway) => Message("Pathway." + WireNames.Of(pathway) + ".Short");

    public string FindingKind(FindingKind kind) => Message("FindingKind." + WireNames.Of(kind));

    /// <summary>The heading of a group of findings of one kind ("Cautions").</summary>
    public string FindingKindHeading(FindingKind kind) => Message("FindingKind." + WireNames.Of(kind) + ".Heading");

    public string Severity(Severity severity) => Message("Severity." + WireNames.Of(severity));

    public string NotRecorded => Message("Value.NotRecorded");

    /// <summary>"Not recorded: US (FDA label) applies": what a choice with a default (<see cref="FieldDefinition.Default"/>) means when not recorded.</summary>
    public string NotRecordedDefault(FieldDefinition field) =>
        NotNull(field).Default is { } value ? Message("Value.NotRecordedDefault", Choice(field, value)) : NotRecorded;

    /// <summary>
    /// "Not recorded: US (FDA label) applied": a screening's answer with a default that was not recorded, as its result
    /// shows it (QA8 F21): never as if the default had been answered.
    /// </summary>
    public string NotRecordedDefaultApplied(FieldDefinition field) =>
        NotNull(field).Default is { } value ? Message("Value.NotRecordedDefaultApplied", Choice(field, value)) : NotRecorded;

    /// <summary>"US (FDA label) applied": the default that applied to an answer not recorded, in a list already headed "Not recorded".</summary>
    public string DefaultApplied(FieldDefinition field) =>
        NotNull(field).Default is { } value ? Message("Value.DefaultApplied", Choice(field, value)) : NotRecorded;

    /// <summary>The heading of a form section ("Pain and medicines").</summary>
    public string Section(FieldSection section) => Message("Section." + section);

    public string YesNo(bool value) => Message(value ? "Value.Yes" : "Value.No");

    public string NoneChosen => Message("Value.None");

    /// <summary>Between the items of a list in running text: ", " in English, "、" in Chinese.</summary>
    public string ListSeparator => Message("Format.ListSeparator");

    /// <summary>Between the clauses of a sentence or a line of facts: ", " in English, "，" in Chinese.</summary>
    public string ClauseSeparator => Message("Format.ClauseSeparator");

    /// <summary>Between items that have commas of their own (the inputs behind a finding): "; " in English, "；" in Chinese.</summary>
    public string Semicolon => Message("Format.Semicolon");

    /// <summary>After a list run into a sentence: "." in English, "。" in Chinese.</summary>
    public string FullStop => Message("Format.FullStop");

    /// <summary>Between a label and what follows it: ": " in English, "：" in Chinese.</summary>
    public string Colon => Message("Format.Colon");

    /// <summary>Between an item and what is said of it: " — " in English, "——" in Chinese.</summary>
    public string Dash => Message("Format.Dash");

    /// <summary>A text in brackets: "(Patient preference)" in English, "（患者意愿）" in Chinese.</summary>
    public string Parenthesized(string text) => Message("Format.Parenthesized", text);

    /// <summary>
    /// What goes between a heading's words and the count after it: a space in English ("Cautions (3)"), nothing in
    /// Chinese, whose full-width bracket carries its own gap ("注意事项（3）").
    /// </summary>
    private static string CountGap => IsChinese ? "" : " ";

    /// <summary>
    /// The count after a heading, the one way every page writes it (helper 336): <see cref="CountGap"/>, then
    /// <paramref name="count"/> <see cref="Parenthesized"/> in a span of <paramref name="cssClass"/>:
    /// <c> &lt;span class="count"&gt;(9 questions)&lt;/span&gt;</c> in English, <c>&lt;span class="count"&gt;（9 个问题）&lt;/span&gt;</c>
    /// in Chinese (ASCII brackets after Han text were the English's punctuation left in the Chinese page).
    /// </summary>
    public IHtmlContent CountAfterHeading(string cssClass, string count) =>
        new HtmlContentBuilder().Append(CountGap).AppendHtml("<span class=\"").Append(cssClass).AppendHtml("\">").Append(Parenthesized(count)).AppendHtml("</span>");

    /// <inheritdoc cref="CountAfterHeading(string, string)"/>
    public IHtmlContent CountAfterHeading(string cssClass, int count) => CountAfterHeading(cssClass, count.ToString(CultureInfo.CurrentCulture));

    /// <summary>A label and its value: "Psychosis: None" in English, "精神病性症状：无" in Chinese.</summary>
    public string LabelAndValue(string label, string value) => Message("Format.LabelAndValue", label, value);

    // ---- messages -------------------------------------------------------------------------------------------

    /// <summary>An app message by key, formatted with the arguments (English unless the request is in Chinese).</summary>
    public string Message(string key, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var found = arguments.Length == 0 ? _text[key] : _text[key, [.. arguments.Select(a => a ?? string.Empty)]];
        return found.Value;
    }

    /// <summary>
    /// An app message by key in <paramref name="culture"/>'s language, whatever the current one: a CDS Hooks answer in the
    /// language chosen for the call (<see cref="Microsoft.AspNetCore.Localization.IRequestCultureFeature"/>), or the
    /// English a header carries.
    /// </summary>
    public string MessageIn(CultureInfo culture, string key, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return In(culture, () => Message(key, arguments));
    }

    /// <summary>
    /// <see cref="Localize(ProblemDetails)"/> in <paramref name="culture"/>'s language (the one the response's
    /// Content-Language names), or the current one when null: an endpoint that chose another language for its answer (a
    /// CDS Hooks client's configured one) set it on the request, not on the thread that writes the problem.
    /// </summary>
    public void LocalizeIn(ProblemDetails problem, CultureInfo? culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (culture is null)
        {
            Localize(problem);
            return;
        }

        In(culture, () =>
        {
            Localize(problem);
            return true;
        });
    }

    /// <summary>Runs <paramref name="text"/> with <paramref name="culture"/> as the current culture, then puts the current one back.</summary>
    private static T In<T>(CultureInfo culture, Func<T> text)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formats;
        }
    }

    /// <summary>
    /// A problem's title, detail and validation messages in the request's language, where they are one of the app's
    /// known problem texts (<c>Problem.*</c> in ClinicalText.resx, matched by their exact English); anything else (a
    /// message already written in the request's language, a text with a value in it) is left as it is.
    /// </summary>
    public void Localize(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!IsChinese)
        {
            return;
        }

        problem.Title = KnownProblemText(problem.Title);
        problem.Detail = KnownProblemText(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
            {
                validation.Errors[field] = [.. validation.Errors[field].Select(m => KnownProblemText(m) ?? m)];
            }
        }
    }

    /// <summary>
    /// What a rule set's decision policy means, in the request's language; null for a policy this does not know. The policy
    /// itself stays in its English words, which its digest covers (the rule set changes page quotes them).
    /// </summary>
    public string? PolicyMeaning(string policy) => policy switch
    {
        Domain.Rules.DecisionPolicy.V1Text => Message("Policy.V1"),
        Domain.Rules.DecisionPolicy.V1_1Text => Message("Policy.V1_1"),
        Domain.Rules.DecisionPolicy.V1_7Text => Message("Policy.V1_7"),
        _ => null,
    };

    /// <summary>An English problem text in the request's language when it is a known one; else unchanged.</summary>
    public string? KnownProblemText(string? english) =>
        english is not null && _problemKeysByEnglish.Value.TryGetValue(english, out var key) ? Message(key) : english;

    private static string Translate(IStringLocalizer localizer, string key, string english)
    {
        if (!IsChinese)
        {
            return english;
        }

        var found = localizer[key];
        return found.ResourceNotFound ? english : found.Value;
    }

    /// <summary>The neutral (English) entries of a resource, whatever the request's language.</summary>
    private static List<LocalizedString> EnglishEntries(IStringLocalizer localizer)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return [.. localizer.GetAllStrings(includeParentCultures: false)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static T NotNull<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
