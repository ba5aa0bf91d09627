using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Localization;

/// <summary>
/// An access event in the reader's words, in the request's language: its kind, and its detail where the detail is one of
/// the app's fixed texts (a sign-in's channel, "audit workspace" ...). The log keeps the English it recorded (it is
/// hashed); a detail with anything of its own in it (a filter, a reason, an email) is shown as recorded.
/// </summary>
public static partial class AccessEventTexts
{
    /// <summary>
    /// Who, in the pieces a narrow column may wrap between: before the last <c>@</c> and before each dot after it
    /// (<c>auditor</c>, <c>@demo</c>, <c>.local</c>), never inside a name. The page joins them with <c>&lt;wbr&gt;</c>;
    /// a piece still too wide for the column wraps where it must (<c>overflow-wrap: anywhere</c>).
    /// </summary>
    public static IReadOnlyList<string> EmailPieces(string? email) => Email.Pieces(email ?? "");

    /// <summary>An email's wrap points: before the last <c>@</c>, and before each dot after it that leaves more than a dot.</summary>
    public static readonly WrapRule Email = new() { WrapsFromLast = '@', Between = WrapRule.Before("."), ShortestPiece = 2 };

    /// <summary>
    /// An address in a list with many columns (the administrator's accounts): it may also wrap before a dot of its local
    /// part, so that one long address cannot widen the list past a 1024 px window; never inside a word.
    /// </summary>
    public static readonly WrapRule AccountEmail = new() { Between = WrapRule.Before(".@"), ShortestPiece = 2 };

    /// <summary>
    /// An account's address in a heading that names it ("Manage {0}", "Events of {0}"): its <see cref="AccountEmail"/> pieces
    /// joined with <c>&lt;wbr /&gt;</c>, so that on a phone it wraps before a dot or its <c>@</c> instead of widening the page
    /// (QA184 F4); the text read, copied and announced is the address unchanged.
    /// </summary>
    public static IHtmlContent AccountEmailHtml(string? email)
    {
        var html = new HtmlContentBuilder();
        var pieces = AccountEmail.Pieces(email ?? "");
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
            {
                html.AppendHtml("<wbr />");
            }

            html.Append(pieces[i]);
        }

        return html;
    }

    /// <summary>
    /// A detail as shown (<c>created user first.last@clinic.example with role Nurse</c>) cut around each email in it, so that
    /// the page wraps an email in the narrow Detail column at its own points (<see cref="EmailPieces"/>) as in the Who column,
    /// not at any letter. Joined again, the pieces are the detail.
    /// </summary>
    public static IEnumerable<(string Text, bool Email)> DetailPieces(string detail) => WrapRule.Around(detail, EmailInText());

    // An email in a sentence: no spaces, and none of the marks around it in the recorded details ("; reason", "[roles]")
    // or in their Chinese words ("；原因：", "，角色："); a dot after it ends the sentence.
    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s@;,()\[\]；，：（）]+@[^\s@;,()\[\]；，：（）]*[^\s@;,()\[\].；，：（）]")]
    private static partial System.Text.RegularExpressions.Regex EmailInText();

    /// <summary>
    /// The longest piece of a subject that <see cref="SubjectPieces"/> keeps on one line: the app's own words
    /// (<c>decision-log</c>) and a usual patient reference (<c>MRN-12345678</c>). At 16, a 16-character reference
    /// (187 px) beside an administrator's row made the table wider than a 1024 px window.
    /// </summary>
    public const int LongestWholeSubjectPiece = 12;

    /// <summary>A subject's parts: after each <c>:</c> and <c>/</c>.</summary>
    private static readonly WrapRule SubjectParts = new() { Between = WrapRule.After(":/") };

    /// <summary>An id's groups (a GUID's): after each hyphen.</summary>
    private static readonly WrapRule IdGroups = new() { Between = WrapRule.After("-") };

    /// <summary>
    /// What happened's recorded spelling (<c>user-administration</c>) in the pieces the access log's What column may wrap
    /// between: after its hyphens, each piece whole (a short one stays whole). Kept on one line, it alone made the column 173 px wide, and with an
    /// administrator's row and a long patient reference the table no longer fitted a 1024 px window.
    /// </summary>
    public static IReadOnlyList<string> KindPieces(string? kind) => string.IsNullOrEmpty(kind) ? [] : KindParts.Pieces(kind);

    /// <summary>A kind's spelling: whole up to <see cref="LongestWholeSubjectPiece"/> characters (<c>sign-in</c> never "sign-" / "in"), else after each hyphen.</summary>
    private static readonly WrapRule KindParts = new() { Between = WrapRule.After("-"), WholeUpTo = LongestWholeSubjectPiece };

    /// <summary>A subject's part longer than <see cref="LongestWholeSubjectPiece"/>: after its hyphens, dots and underscores.</summary>
    private static readonly WrapRule LongSubjectPart = new() { Between = WrapRule.After("-._"), WholeUpTo = LongestWholeSubjectPiece };

    /// <summary>
    /// A subject (<c>access-log</c>, <c>user:ID</c>, <c>patient:MRN-12</c>, a screening id) in the pieces a narrow column may
    /// wrap between: after a <c>:</c> or a <c>/</c>, and between the groups of an id (a GUID). A word or a reference is kept
    /// whole (QA: "acces" / "s-log" beside a long email), so the column is never narrower than the longest of them. An id's
    /// groups are not: they break at their hyphens first and, in a column narrower than a group, where they must, so
    /// that an id still fits without widening the table. A part longer than <see cref="LongestWholeSubjectPiece"/> (an
    /// unusual patient reference) is cut after its hyphens, dots and underscores too, and a piece still longer wraps where
    /// it must.
    /// </summary>
    public static IReadOnlyList<(string Text, bool Whole)> SubjectPieces(string? subject) =>
        string.IsNullOrEmpty(subject)
            ? []
            : [.. SubjectParts.Pieces(subject).SelectMany(part => Guid.TryParseExact(part.TrimEnd(':', '/'), "D", out _)
                ? IdGroups.Pieces(part).Select(group => (group, false))
                : LongSubjectPart.Pieces(part).Select(piece => (piece, piece.Length <= LongestWholeSubjectPiece)))];

    /// <summary>The longest piece of a correlation id that <see cref="CorrelationIdPieces"/> keeps on one line.</summary>
    public const int CorrelationIdGroup = 8;

    /// <summary>A correlation id's wrap points: after its separators, and in groups of <see cref="CorrelationIdGroup"/>.</summary>
    private static readonly WrapRule CorrelationId = new() { Between = WrapRule.After("-_."), Groups = CorrelationIdGroup };

    /// <summary>
    /// A correlation id (32 hexadecimal digits, or the caller's token of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>) in
    /// the pieces the access log's narrow last column may wrap between: after its separators, and in groups of
    /// <see cref="CorrelationIdGroup"/> characters, each kept on one line. The column is then never narrower than a group
    /// (in Chinese it was squeezed to 2-3 characters a line), and the page joins the pieces with <c>&lt;wbr&gt;</c> only, so
    /// that the id is still copied whole.
    /// </summary>
    public static IReadOnlyList<string> CorrelationIdPieces(string? id) => string.IsNullOrEmpty(id) ? [] : CorrelationId.Pieces(id);

    /// <summary>A recorded time's wrap point: at its first space (after the day).</summary>
    private static readonly WrapRule When = new() { Between = WrapRule.Before(" "), MostPieces = 2 };

    /// <summary>
    /// A recorded time (<c>2026-11-29 21:21:58 UTC</c>) as its day and its time of day, the two pieces the access log's
    /// When column may wrap between; each stays whole.
    /// </summary>
    public static (string Day, string Time) WhenPieces(string at) => When.Pieces(at) is [var day, var time] ? (day, time[1..]) : (at, "");

    /// <summary>What happened, in words; an unknown kind (a newer app's) is shown as recorded.</summary>
    public static string Kind(string? kind, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (!WireNames.TryParse<AccessEventKind>(kind, out var known))
        {
            return kind ?? "";
        }

        return known switch
        {
            AccessEventKind.SignIn => localizer["Signed in"],
            AccessEventKind.SignOut => localizer["Signed out"],
            AccessEventKind.SignInFailed => localizer["Failed attempt"],
            AccessEventKind.LockedOut => localizer["Locked, or refused while locked"],
            AccessEventKind.ViewScreening => localizer["Viewed screenings"],
            AccessEventKind.PrintScreening => localizer["Printed a screening"],
            AccessEventKind.Export => localizer["Exported"],
            AccessEventKind.Replay => localizer["Replayed a screening"],
            AccessEventKind.ImpactAnalysis => localizer["Ran an impact analysis"],
            AccessEventKind.Verify => localizer["Verified the log"],
            AccessEventKind.UserAdministration => localizer["Administered an account"],
            AccessEventKind.Checkpoint => localizer["Checkpoint"],
            AccessEventKind.AccountSecurity => localizer["Own account security"],
            AccessEventKind.ViewAccessLog => localizer["Viewed the access log"],
            AccessEventKind.AccessRefused => localizer["Refused: the role does not allow it"],
            _ => kind ?? "",
        };
    }

    /// <summary>
    /// What happened, in words, on one entry's own access history (the screening's, the override's and the EHR answer's
    /// audit pages, where the entry is the subject): "Viewed this entry", not the access log's "Viewed screenings" with its
    /// recorded spelling beside it (QA284 F6). A kind that is not about one entry reads as on the access log.
    /// </summary>
    public static string OnEntry(string? kind, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return WireNames.TryParse<AccessEventKind>(kind, out var known)
            ? known switch
            {
                AccessEventKind.ViewScreening => localizer["Viewed this entry"],
                AccessEventKind.PrintScreening => localizer["Printed this entry"],
                AccessEventKind.Replay => localizer["Replayed this entry"],
                _ => Kind(kind, localizer),
            }
            : Kind(kind, localizer);
    }

    /// <summary>
    /// The detail in the reader's words when it is one of the app's fixed texts (the recorded English is then shown
    /// beside it); else exactly as recorded, or empty.
    /// </summary>
    public static string Detail(string? detail, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return detail switch
        {
            null => "",
            // Sign-in channels (PasswordSignIn, LoginWithCode, AuthApi, OwnPassword); "page" is also a page's view or sign-out.
            "page" => localizer["Web page"],
            "api" => localizer["API"],
            "page, authenticator code" => localizer["Web page, authenticator code"],
            "page, recovery code" => localizer["Web page, recovery code"],
            "api refresh" => localizer["API, token refresh"],
            Api.AuthApi.RefreshTokenReusedAudit => localizer["API, token refresh: the token was used again; every session of its sign-in ended"],
            "change password (page): wrong current password" => localizer["Change password (web page): wrong current password"],
            "change password (api): wrong current password" => localizer["Change password (API): wrong current password"],
            "change password (page): wrong current password, sessions ended" => localizer["Change password (web page): wrong current password; the account's sessions ended"],
            "change password (api): wrong current password, sessions ended" => localizer["Change password (API): wrong current password; the account's sessions ended"],
            // Views (Pages/Screenings, ScreeningsApi, Pages/Audit).
            "list" => localizer["A patient's screenings (web page)"],
            "api list" => localizer["A patient's screenings (API)"],
            "cds-hooks prefill" => localizer["Form filled in from the EHR (CDS Hooks)"],
            "re-screen" => localizer["Opened to re-screen"],
            "correction" => localizer["Opened to correct"],
            // A refused opening only (UnreadableEntries.RecordRefusedAsync): an override posted on the screening's page, a
            // correction posted to the API.
            "override" => localizer["Opened to record an override"],
            "api correction" => localizer["Opened to correct (API)"],
            // A keyed repeat (Idempotency-Key) whose recorded screening or correction cannot be read, and CDS Hooks feedback on
            // an entry that cannot be read.
            Api.ScreeningsApi.RepeatDetail => localizer["Sent again with its Idempotency-Key (API)"],
            Api.ScreeningsApi.CorrectionRepeatDetail => localizer["Correction sent again with its Idempotency-Key (API)"],
            CdsHooks.CdsHookAnswering.FeedbackDetail => localizer["Feedback from the EHR (CDS Hooks)"],
            "audit workspace" => localizer["Audit workspace"],
            "audit workspace; hook answer" => localizer["Audit workspace, EHR answer"],
            "audit workspace; override" => localizer["Audit workspace, override"],
            "audit workspace, from checkpoint" => localizer["Audit workspace, from the newest checkpoint"],
            VerificationRecord.BeforeSigning => localizer["Before signing a checkpoint"],
            "reproduced" => localizer["Reproduced"],
            "did not reproduce" => localizer["Did not reproduce"],
            "stored inputs disagree" => localizer["Stored inputs disagree"],
            // Verification and checkpoints (AuditEndpoints, Pages/Audit).
            "full" => localizer["API, the whole log"],
            "from checkpoint" => localizer["API, from the newest checkpoint"],
            "write checkpoint" => localizer["Wrote a checkpoint (API)"],
            "write checkpoint (audit workspace)" => localizer["Wrote a checkpoint (audit workspace)"],
            "list checkpoints" => localizer["Listed the checkpoints (API)"],
            Pages.Audit.CheckpointsModel.ListDetail => localizer["Listed the checkpoints (audit workspace)"],
            "checkpoints download" => localizer["Downloaded the checkpoints"],
            "checkpoints download (newest 200)" => localizer["Downloaded the newest {0} checkpoints", 200],
            // A user's own account (Pages/Account, AccountApi).
            "changed own password" => localizer["Changed own password"],
            "changed own password (api)" => localizer["Changed own password (API)"],
            "made new recovery codes (the old ones no longer work)" => localizer["Made new recovery codes (the old ones no longer work)"],
            "turned off the second factor" => localizer["Turned off the second factor"],
            "turned on the second factor (authenticator app)" => localizer["Turned on the second factor (authenticator app)"],
            // The access log's own readers (Pages/Admin/Users/Events).
            AccountEventsDetail => localizer["An account's events (user administration)"],
            _ => RefusedAsUnreadable(detail, localizer) ?? Verification(detail, localizer) ?? ImpactAnalysis(detail, localizer) ?? Refusal(detail, localizer) ?? UserAdministration(detail, localizer) ?? detail,
        };
    }

    /// <summary>
    /// An attempt to open an entry refused because it cannot be read (<see cref="Audit.UnreadableEntries.RefusedDetail"/>,
    /// QA318 F6: "audit workspace; refused as unreadable: entry 7", "page; refused as unreadable: entry 9 (ID)") in words:
    /// the page's own detail as it reads alone, then that it was refused; the id stays as recorded. Null for any other detail.
    /// </summary>
    private static string? RefusedAsUnreadable(string detail, IStringLocalizer localizer)
    {
        var match = RefusedText().Match(detail);
        if (!match.Success)
        {
            return null;
        }

        var (sequence, id) = (match.Groups["sequence"].Value, match.Groups["id"].Value);
        if (!match.Groups["page"].Success)
        {
            return match.Groups["id"].Success
                ? localizer["Refused: entry {0} ({1}) cannot be read; the log may have been altered", sequence, id]
                : localizer["Refused: entry {0} cannot be read; the log may have been altered", sequence];
        }

        var page = Detail(match.Groups["page"].Value, localizer);
        return match.Groups["id"].Success
            ? localizer["{0}; refused: entry {1} ({2}) cannot be read; the log may have been altered", page, sequence, id]
            : localizer["{0}; refused: entry {1} cannot be read; the log may have been altered", page, sequence];
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?:(?<page>.+); )?" + Audit.UnreadableEntries.RefusedAsUnreadable + "(?<sequence>[0-9]+)(?: \\((?<id>[0-9a-f-]{36})\\))?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex RefusedText();

    /// <summary>
    /// A verification's detail as recorded (<see cref="VerificationRecord"/>: where it was run, what it found of the logs,
    /// QA141 F7, and what it checked of the decision log, QA284 F3) in words; null for any other detail. "Audit workspace:
    /// the decision log does not verify; the whole decision log re-hashed, 1234 entries up to entry 1234; 2 findings, the
    /// first at entry 17".
    /// </summary>
    private static string? Verification(string detail, IStringLocalizer localizer)
    {
        if (VerificationRecord.Parse(detail) is not { } record)
        {
            return null;
        }

        string outcome = record.Outcome switch
        {
            VerificationRecord.BothIntact => localizer["both logs verify"],
            VerificationRecord.DecisionLogVerifies => localizer["the decision log verifies"],
            VerificationRecord.DecisionLogFails => localizer["the decision log does not verify"],
            VerificationRecord.AccessLogFails => localizer["the access log does not verify"],
            _ => localizer["neither log verifies"],
        };
        var place = Detail(record.Where, localizer);
        if (place == record.Where)
        {
            return null;
        }

        string words = localizer["{0}: {1}", place, outcome];
        if (record.Checked is { } checkedCount && record.ReachedSequence is { } reached)
        {
            string walked = (record.IsFull, checkedCount) switch
            {
                (true, 1) => localizer["the whole decision log re-hashed, 1 entry up to entry {0}", reached],
                (true, _) => localizer["the whole decision log re-hashed, {0} entries up to entry {1}", checkedCount, reached],
                (false, 1) => localizer["the decision log re-hashed after checkpoint entry {0}, 1 entry up to entry {1}", record.StartedAfter, reached],
                (false, _) => localizer["the decision log re-hashed after checkpoint entry {0}, {1} entries up to entry {2}", record.StartedAfter, checkedCount, reached],
            };
            words = localizer["{0}; {1}", words, walked];
        }

        if (record.Findings is { } findings)
        {
            string found = (findings, record.FirstBrokenSequence) switch
            {
                (0, _) => localizer["no findings"],
                (1, { } first) => localizer["1 finding, at entry {0}", first],
                (1, null) => localizer["1 finding"],
                (_, { } first) => localizer["{0} findings, the first at entry {1}", findings, first],
                _ => localizer["{0} findings", findings],
            };
            words = localizer["{0}; {1}", words, found];
        }

        return words;
    }

    /// <summary>
    /// An impact analysis's detail (Pages/Audit/Impact: "rule set 1.4.0 against 1.3.0; from=2026-01-01; to=2026-01-31",
    /// or "against the logged verdicts", with no filter and no "; " after it since helper 229; entries recorded before end in
    /// "; ") in words; its filter stays as recorded, since it names the query's parameters.
    /// Null for any other detail.
    /// </summary>
    private static string? ImpactAnalysis(string detail, IStringLocalizer localizer)
    {
        var match = ImpactDetail().Match(detail);
        if (!match.Success)
        {
            return null;
        }
        var (current, baseline, filter) = (match.Groups["current"].Value, match.Groups["baseline"].Value, match.Groups["filter"].Value.Trim());
        string words = baseline == "the logged verdicts"
            ? localizer["Rule set {0} compared with the verdicts as logged", current]
            : localizer["Rule set {0} compared with rule set {1}", current, baseline];
        return filter.Length == 0 ? words : localizer["{0}; filter: {1}", words, filter];
    }

    [System.Text.RegularExpressions.GeneratedRegex("^rule set (?<current>[0-9][0-9A-Za-z.+-]*) against (?<baseline>the logged verdicts|[0-9][0-9A-Za-z.+-]*)(?:;(?<filter>.*))?$")]
    private static partial System.Text.RegularExpressions.Regex ImpactDetail();

    /// <summary>
    /// A refusal's detail (<see cref="Security.AccessAuditing.RefusalDetail"/>: "api GET; policy Audit (role Auditor); query
    /// ?patientReference=X1") in words: where and how it was asked, the roles allowed as the role boxes name them, the
    /// policy; its query stays as recorded, since it is what was sent. Null for any other detail.
    /// </summary>
    private static string? Refusal(string detail, IStringLocalizer localizer)
    {
        var match = RefusalText().Match(detail);
        if (!match.Success)
        {
            return null;
        }

        var channel = match.Groups["channel"].Value == "api" ? localizer["API"].Value : localizer["Web page"].Value;
        var roles = string.Join(ClinicalText.Shared.ListSeparator, match.Groups["roles"].Value.Split(", ").Select(r => RoleNames.Of(r, localizer)));
        string words = localizer["{0}, {1}: allowed for {2} only (policy {3})", channel, match.Groups["method"].Value, roles, match.Groups["policy"].Value];
        return match.Groups["query"].Success ? localizer["{0}; query {1}", words, match.Groups["query"].Value] : words;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?<channel>page|api) (?<method>[A-Z]+); policy (?<policy>[^;()]+) \\(roles? (?<roles>[^;()]+)\\)(?:; query (?<query>.*))?$")]
    private static partial System.Text.RegularExpressions.Regex RefusalText();

    /// <summary>
    /// An administrator's change to an account (Pages/Admin/Users, <see cref="Security.DemoAccountLock"/>: "created user
    /// X with role ClinicStaff", "set roles of X to [Auditor, ClinicStaff]", "locked X; reason: R", "unlocked X", "reset
    /// the password of X", "reset the second factor of X; reason: R", "changed the email of X to Y", "changed the display
    /// name of X from "A" to "B"") in words, the roles as the role boxes name them; the
    /// email and the reason stay as recorded (QA169 F3: the Chinese pages showed these in English only). Null for any
    /// other detail.
    /// </summary>
    private static string? UserAdministration(string detail, IStringLocalizer localizer)
    {
        var match = UserAdministrationText().Match(detail);
        if (!match.Success)
        {
            return null;
        }

        var (email, reason) = (match.Groups["email"].Value, match.Groups["reason"].Value);
        string Named(string listed) => string.Join(ClinicalText.Shared.ListSeparator, listed.Split(", ").Select(r => RoleNames.Of(r, localizer)));
        return match.Groups["action"].Value switch
        {
            "created user" => localizer["Created user {0} with role {1}", email, Named(match.Groups["role"].Value)],
            "set roles of" => localizer["Set roles of {0} to {1}", email, Named(match.Groups["roles"].Value)],
            "locked" => localizer["Locked {0}; reason: {1}", email, reason],
            "unlocked" => localizer["Unlocked {0}", email],
            "reset the password of" => localizer["Reset the password of {0}", email],
            "changed the email of" => localizer["Changed the email of {0} to {1}", email, match.Groups["new"].Value],
            "changed the display name of" => localizer["Changed the display name of {0} from “{1}” to “{2}”", email, match.Groups["old"].Value, match.Groups["new"].Value],
            _ => localizer["Reset the second factor of {0}; reason: {1}", email, reason],
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?<action>created user) (?<email>\S+) with role (?<role>\S+)|(?<action>set roles of) (?<email>\S+) to \[(?<roles>[^\]]+)\]|(?<action>locked|reset the second factor of) (?<email>\S+); reason: (?<reason>.*)|(?<action>unlocked|reset the password of) (?<email>\S+)|(?<action>changed the email of) (?<email>\S+) to (?<new>\S+)|(?<action>changed the display name of) (?<email>\S+) from ""(?<old>.*)"" to ""(?<new>.*)"")$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex UserAdministrationText();

    /// <summary>True when <see cref="Detail"/> says more than the recorded text (another language or other words), so the page shows the recorded text beside it.</summary>
    public static bool ShowsRecorded(string? detail, string shown) =>
        detail is not null && !string.Equals(detail, shown, StringComparison.OrdinalIgnoreCase);

    /// <summary>The detail recorded when an administrator reads one account's events.</summary>
    public const string AccountEventsDetail = "account events (user administration)";
}
