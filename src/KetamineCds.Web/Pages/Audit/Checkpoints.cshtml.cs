using System.IO.Compression;
using System.Text;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>
/// The signed checkpoints of the decision log: each with its status (holds, or why not), a checkpoint written on
/// request, a download of every checkpoint and the public key to keep elsewhere, and an upload of a kept copy, which
/// is checked too (its signature, and against the log).
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class CheckpointsModel(DecisionLogCheckpoints checkpoints, IAccessAudit access, EfAccessAudit accessLog, IStringLocalizer<PageText> localizer, ClinicTime clinicTime) : PageModel
{
    /// <summary>
    /// How many checkpoints of an uploaded copy are checked: its newest, by file name (QA284 F1). A copy may hold more,
    /// and its older files are counted and named as not checked, not refused. Each costs one signature check and a share of
    /// a batched lookup, and each is one row of the copy's table: 200 rows is what the page can show whole. It is also what
    /// the newest-checkpoints download holds (<see cref="OnGetNewestAsync"/>), about 120 KB zipped, well under the
    /// request limit (<see cref="Hardening.MaxRequestBodyBytes"/>), so that download always comes back through this check.
    /// </summary>
    public const int MaxUploadFiles = 200;

    /// <summary>The largest upload, in KB: the app-wide request limit (a larger one is refused before it is read, Error page).</summary>
    public const long MaxUploadKilobytes = Hardening.MaxRequestBodyBytes / 1024;

    /// <summary>How many of the newest checkpoints the page lists besides every one that fails (the download has all).</summary>
    public const int NewestShown = 50;

    public bool Enabled => checkpoints.Enabled;

    /// <summary>Why signed checkpoints are off, in the request's language; null when they are on.</summary>
    public string? DisabledReason => CheckpointTexts.Disabled(checkpoints.DisabledReason, localizer);

    public string? KeyId => checkpoints.KeyId;

    public string Directory => checkpoints.Files.Directory;

    public IReadOnlyList<CheckpointStatus> Statuses { get; private set; } = [];

    /// <summary>Checkpoint folders that could not be read, and checkpoints left where they are no longer read.</summary>
    public IReadOnlyList<CheckpointFolderProblem> Problems { get; private set; } = [];

    /// <summary>
    /// Checkpoint files the access log records as written that the checkpoint folder no longer holds (deleted or moved),
    /// lowest entry first: the same <c>checkpoint-file-missing</c> findings verification reports, each with the head it
    /// vouched for (QA P8).
    /// </summary>
    public IReadOnlyList<ChainFinding> Missing { get; private set; } = [];

    /// <summary>Folders of checkpoints an administrator set aside in the checkpoint folder.</summary>
    public IReadOnlyList<SetAsideFolder> SetAside { get; private set; } = [];

    /// <summary>Checkpoints on record signed for another log: the page says how an administrator sets them aside.</summary>
    public IReadOnlyList<CheckpointStatus> OtherLog => Statuses.Where(s => s.Verdict == CheckpointVerdict.OtherLog).ToList();

    /// <summary>The uploaded copy's checkpoints, after an upload: its newest <see cref="MaxUploadFiles"/> files.</summary>
    public IReadOnlyList<CheckpointStatus>? Uploaded { get; private set; }

    /// <summary>How many older files the uploaded copy held besides those checked; they were not read.</summary>
    public int UploadedOlder { get; private set; }

    public string? UploadError { get; private set; }

    /// <summary>
    /// What the log's last verifications found (QA318 F2): a checkpoint's "holds" compares the entry it signed only, and
    /// read as an all-clear after a full verification had failed; the page shows the Audit list's line when what is
    /// recorded says something is wrong. Null until the checkpoints were read.
    /// </summary>
    public VerificationLine? Verification { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    /// <summary>Why the log could not be read, if it could not: the page says "unavailable" or "the database refused".</summary>
    public LogFailure Failure { get; private set; }

    public int Failing => Statuses.Count(s => s.Fails);

    /// <summary>What the table lists: every checkpoint that fails, and the newest <see cref="NewestShown"/>, lowest entry first.</summary>
    public IReadOnlyList<CheckpointStatus> Shown =>
        Statuses.Count <= NewestShown ? Statuses : Statuses.Where((s, i) => s.Fails || i >= Statuses.Count - NewestShown).ToList();

    /// <summary>The page's downloads, by their handler names, as an unknown export's message lists them.</summary>
    public static readonly IReadOnlyList<string> Exports = ["Download", "Newest", "Key"];

    /// <summary>The page's forms' actions (POST), by their handler names, as an unknown action's message lists them.</summary>
    public static readonly IReadOnlyList<string> Actions = ["Create", "Upload"];

    /// <summary>Problems with the request's query (query-string names as keys); nothing is checked or listed while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; } = [];

    public async Task OnGetAsync()
    {
        // As the other audit pages (DatePeriodInput): a query name the page does not read (?verdict=fails; the page has no
        // filters) and an export it has not (?handler=Zip, which Razor Pages answers with this GET) were ignored, and every
        // checkpoint listed, 200, as if that were what was asked. Refused by name, a handler given twice too.
        RefuseUnknownQuery();
        DatePeriodInput.RefuseUnknownExport(Request.Query, Exports, FilterErrors);
        if (FilterErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await LoadAsync(ListDetail);
    }

    /// <summary>
    /// What the access log records of a view of the page (kind <c>checkpoint</c>, subject <c>decision-log</c>): the API's
    /// list of the checkpoints is <c>list checkpoints</c>, and the page's write <c>write checkpoint (audit workspace)</c>
    /// beside the API's <c>write checkpoint</c> (QA318: a page view was not recorded, the API's list was).
    /// </summary>
    public const string ListDetail = "list checkpoints (audit workspace)";

    /// <summary>
    /// A POST naming none of the page's actions (<c>?handler=Write</c>, or none at all) reaches here: Razor Pages rendered
    /// the page without running anything, 200, and with nothing read it said "No checkpoints yet." Refused by name; a
    /// handler given twice is named as such instead.
    /// </summary>
    public void OnPost()
    {
        DatePeriodInput.RefuseRepeatedNames(Request.Query, [], ["handler"], null, FilterErrors);
        FilterErrors.TryAdd("handler", [ClinicalText.Shared.Message("Audit.UnknownAction", Request.Query["handler"].ToString(), string.Join(", ", Actions))]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>Verifies the whole log (every entry re-hashed, every checkpoint), then signs and writes its head.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!checkpoints.Enabled)
        {
            (Message, MessageIsError) = (DisabledReason, true);
            return RedirectToPage();
        }

        try
        {
            await access.RecordAsync(HttpContext, AccessEventKind.Checkpoint, "decision-log", "write checkpoint (audit workspace)");
            var created = await checkpoints.CreateAsync(HttpContext.RequestAborted);
            (Message, MessageIsError) = created.Checkpoint is { } c
                ? (localizer["Checkpoint written at entry {0}: {1}.", c.Sequence, c.FileName].Value, false)
                : (localizer["The decision log does not verify, so no checkpoint was signed."] + " " + (created.Verification.FailedCheckpoint is { } failed
                    ? localizer["Checkpoint {0}:", failed.FileName] + " " + CheckpointTexts.Reason(failed, localizer, clinicTime) + (failed.Verdict == CheckpointVerdict.OtherLog ? " " + localizer["How to set it aside is below."] : "")
                    : localizer["The chain is broken at entry {0}.", created.Verification.Chain.FirstBrokenText]), true);
        }
        catch (DecisionLogUnavailableException ex)
        {
            (Message, MessageIsError) = (LogFailures.Of(HttpContext, ex) == LogFailure.Refused
                ? LogFailures.RefusedMessage(localizer, localizer["The database refused the request, so no checkpoint was written."])
                : localizer["The decision log is unavailable; no checkpoint was written. Try again shortly."], true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            (Message, MessageIsError) = (localizer["The checkpoint folder could not be written to; nothing was signed."], true);
        }

        return RedirectToPage();
    }

    /// <summary>A zip of every checkpoint file, the public key, and how to check them without this app.</summary>
    public Task<IActionResult> OnGetDownloadAsync() => ZipAsync(null);

    /// <summary>
    /// A zip of the newest <see cref="MaxUploadFiles"/> checkpoint files, the public key and the README: what the upload
    /// below checks whole (QA284 F1), however long the log has been signed.
    /// </summary>
    public Task<IActionResult> OnGetNewestAsync() => ZipAsync(MaxUploadFiles);

    private async Task<IActionResult> ZipAsync(int? newest)
    {
        if (checkpoints.PublicKeyPem is not { } pem)
        {
            return NotFound();
        }

        // Refused and recorded as the other audit pages' exports are (AuditEndpoints.RefusedExportAsync): a name the page
        // does not read, or the handler given twice (?handler=Download&handler=Key downloaded the zip), is a 400 naming it.
        RefuseUnknownQuery();
        if (await AuditEndpoints.RefusedExportAsync(HttpContext, FilterErrors, access, "decision-log", newest is null ? "checkpoints download" : $"checkpoints download (newest {newest})") is { } refused)
        {
            await refused.ExecuteAsync(HttpContext);
            return new EmptyResult();
        }

        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "checkpoint-public-key.pem", Encoding.ASCII.GetBytes(pem));
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(CheckpointReadme.Text(checkpoints.KeyId!)));
            var files = checkpoints.Files.ReadOwnRaw();
            foreach (var (name, content) in newest is { } n ? files.TakeLast(n) : files)
            {
                Add(zip, "checkpoints/" + name, content);
            }
        }

        buffer.Position = 0;
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return File(buffer, "application/zip", newest is null ? $"ketaminecds-checkpoints-{stamp}.zip" : $"ketaminecds-checkpoints-newest-{stamp}.zip");
    }

    /// <summary>The public key alone, PEM (not recorded: it is public). Its query is refused as the download's is.</summary>
    public async Task<IActionResult> OnGetKeyAsync()
    {
        if (checkpoints.PublicKeyPem is not { } pem)
        {
            return NotFound();
        }

        RefuseUnknownQuery();
        if (FilterErrors.Count > 0)
        {
            await AuditEndpoints.RefusedFilter(FilterErrors).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }

        return File(Encoding.ASCII.GetBytes(pem), "application/x-pem-file", "ketaminecds-checkpoint-public-key.pem");
    }

    /// <summary>
    /// Checks an uploaded copy: checkpoint files, or a zip of them (such as the download). Its newest
    /// <see cref="MaxUploadFiles"/> files are checked; the page says how many older ones were not, and how to check them.
    /// </summary>
    public async Task OnPostUploadAsync(List<IFormFile> copies)
    {
        var streams = new List<Stream>();
        UploadedCheckpoints read;
        try
        {
            var uploads = new List<(string, Stream)>();
            foreach (var copy in copies ?? [])
            {
                var stream = copy.OpenReadStream();
                streams.Add(stream);
                uploads.Add((Path.GetFileName(copy.FileName), stream));
            }

            read = CheckpointFiles.ReadUploads(uploads, MaxUploadFiles);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }

        if (read.Files.Count == 0)
        {
            UploadError = localizer["Choose one or more checkpoint files (.json), or the zip this page downloads."];
        }
        else
        {
            try
            {
                await access.RecordAsync(HttpContext, AccessEventKind.Checkpoint, "decision-log", read.Older == 0
                    ? $"check uploaded copy ({read.Files.Count} files)"
                    : $"check uploaded copy ({read.Files.Count} newest of {read.Total} files)");
                Uploaded = await checkpoints.CheckAsync(read.Files, HttpContext.RequestAborted);
                UploadedOlder = read.Older;
            }
            catch (DecisionLogUnavailableException ex)
            {
                UploadError = LogFailures.Of(HttpContext, ex) == LogFailure.Refused
                    ? LogFailures.RefusedMessage(localizer, localizer["The database refused the request, so the copy could not be checked."])
                    : localizer["The decision log is unavailable; the copy could not be checked. Try again shortly."];
            }
        }

        await LoadAsync();
    }

    /// <summary>
    /// A file's status in the request's language: its verdict, but for a zip inside an uploaded zip, which was not opened
    /// (its checkpoints were not checked), never "Not a checkpoint" (helper 326).
    /// </summary>
    public static string Describe(CheckpointStatus status, IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(localizer);
        return IsZipNotOpened(status) ? localizer["Not opened: a zip inside the zip"] : Describe(status.Verdict, localizer);
    }

    /// <summary>Whether the file is a zip inside an uploaded zip, named and not opened (<see cref="CheckpointFileProblemKind.ZipInZip"/>).</summary>
    public static bool IsZipNotOpened(CheckpointStatus status) => status?.FileProblem?.Kind == CheckpointFileProblemKind.ZipInZip;

    /// <summary>A checkpoint's verdict in the request's language.</summary>
    public static string Describe(CheckpointVerdict verdict, IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return verdict switch
        {
            CheckpointVerdict.Holds => localizer["Holds"],
            CheckpointVerdict.NotChecked => localizer["Not checked"],
            CheckpointVerdict.LogEndsBefore => localizer["No longer holds: the log ends before it"],
            CheckpointVerdict.EntryDiffers => localizer["No longer holds: the entry differs"],
            CheckpointVerdict.OtherLog => localizer["Does not match this log: signed for another log"],
            CheckpointVerdict.BadSignature => localizer["Signature does not verify"],
            CheckpointVerdict.UnknownKey => localizer["Signed by an unknown key"],
            _ => localizer["Not a checkpoint"],
        };
    }

    /// <summary>Reads the checkpoints and their statuses; with <paramref name="recordAs"/>, records the view first, as the other audit pages do.</summary>
    private async Task LoadAsync(string? recordAs = null)
    {
        try
        {
            if (recordAs is not null)
            {
                // Recorded before anything is read, as the API's list and the Audit list are: a log that cannot record the
                // view shows nothing.
                await access.RecordAsync(HttpContext, AccessEventKind.Checkpoint, "decision-log", recordAs);
            }

            var (files, problems) = checkpoints.Files.ReadAll();
            Problems = problems;
            SetAside = checkpoints.Files.SetAside();
            Statuses = await checkpoints.CheckAsync(files, HttpContext.RequestAborted);
            Missing = await checkpoints.MissingFilesAsync(files, HttpContext.RequestAborted);
            Verification = await VerificationLine.ReadAsync(accessLog, forAuditor: true, HttpContext.RequestAborted) with { Place = VerificationLinePlace.Checkpoints };
        }
        catch (DecisionLogUnavailableException ex)
        {
            Failure = LogFailures.Answer(HttpContext, ex);
        }
    }

    /// <summary>
    /// Adds to <see cref="FilterErrors"/> each query name the page does not read (it has no filters: <c>handler</c> alone)
    /// and <c>handler</c> given more than once, as the other audit pages refuse them (<see cref="DatePeriodInput"/>).
    /// </summary>
    private void RefuseUnknownQuery()
    {
        DatePeriodInput.RefuseUnknownNames(Request.Query, [], ["handler"], null, FilterErrors, "Audit.UnknownCheckpointsFilter");
        DatePeriodInput.RefuseRepeatedNames(Request.Query, [], ["handler"], null, FilterErrors);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
