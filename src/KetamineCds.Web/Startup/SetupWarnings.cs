using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace KetamineCds.Web.Startup;

/// <summary>
/// Warnings at start about a setup that starts but is not what the operator meant (docs/operations.md, "Log messages to
/// watch"): outside Development, an app that listens on plain HTTP only with no TLS proxy's forwarded headers believed,
/// so that every page and API request is refused "HTTPS only" (QA302 F6); and, on Unix, a key file or the SQLite database
/// that the app's group or other accounts may read (QA302 F10; docs/security.md asks for 600). The app starts either way.
/// </summary>
public static partial class SetupWarnings
{
    private const string Category = "KetamineCds.Web.Startup.SetupWarnings";

    /// <summary>Logs what it finds in the files now, and the addresses once the server listens.</summary>
    public static WebApplication WarnAboutTheSetup(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        foreach (var warning in OpenFiles(PrivateFiles(app)))
        {
            LogOpenFile(logger, warning);
        }

        var forwarded = app.Configuration.GetValue("ForwardedHeaders:Enabled", false);
        var development = app.Environment.IsDevelopment();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (PlainHttpOnly(addresses, forwarded, development) is { } warning)
            {
                LogPlainHttpOnly(logger, warning);
            }
        });
        return app;
    }

    /// <summary>
    /// The warning for an app outside Development that listens on <paramref name="addresses"/>, none of them HTTPS, with
    /// <c>ForwardedHeaders:Enabled</c> off: nothing tells it a request came over TLS, so it refuses every page and API
    /// request with 400 "HTTPS only" (the health checks still answer). Null when that is not the case, or when the
    /// addresses are not known (a test server).
    /// </summary>
    public static string? PlainHttpOnly(IEnumerable<string> addresses, bool forwardedHeaders, bool development)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var listening = addresses.ToList();
        if (development || forwardedHeaders || listening.Count == 0
            || listening.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return $"KetamineCds listens on plain HTTP only ({string.Join(", ", listening)}) and ForwardedHeaders:Enabled is not set, so nothing tells it "
            + "that a request came over TLS: outside Development it answers every page and API request here with 400 \"HTTPS only\" (the health checks still answer), "
            + "and nobody can sign in. Either put it behind the TLS proxy and set ForwardedHeaders:Enabled=true with ForwardedHeaders:KnownProxies (the proxy's "
            + "address), or listen on an https:// address (urls: ASPNETCORE_URLS) with Kestrel:Certificates:Default:Path (README, \"Production without Docker\", step 3).";
    }

    /// <summary>
    /// One warning for each of <paramref name="files"/> (what it is, its setting, its path) that exists and that its
    /// group or other accounts may read, write or run; none on Windows, whose files have no such mode.
    /// </summary>
    public static IReadOnlyList<string> OpenFiles(IEnumerable<(string What, string Setting, string Path)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var warnings = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            return warnings;
        }

        foreach (var (what, setting, path) in files)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            var mode = File.GetUnixFileMode(path);
            var open = PrivateFile.OpenToOthers(mode);
            if (open == 0)
            {
                continue;
            }

            var whom = (open & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0 ? "every account on this machine" : "the accounts of its group";
            var octal = Convert.ToString((int)mode, 8).PadLeft(3, '0');
            warnings.Add($"{what} {path} ({setting}) can be read by {whom} (mode {octal}); it should be readable by the app's account only, as docs/security.md asks: chmod 600 {path}"
                + (setting.StartsWith("ConnectionStrings", StringComparison.Ordinal) ? " (and its -wal and -shm files beside it)." : "."));
        }

        return warnings;
    }

    /// <summary>The files docs/security.md asks to keep readable by the app's account only: the two keys and the SQLite database.</summary>
    private static IEnumerable<(string What, string Setting, string Path)> PrivateFiles(WebApplication app)
    {
        if (app.Services.GetService<CheckpointSettings>()?.KeyPath is { } key)
        {
            yield return ("The checkpoint signing key", "Audit:CheckpointKeyPath", key);
        }

        if (app.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            yield return ("The data-protection certificate", "DataProtection:CertificatePath", Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, certificate.Trim())));
        }

        if (app.Services.GetService<KetamineCdsDatabaseSettings>() is { Provider: DatabaseProvider.Sqlite } database)
        {
            var sqlite = new SqliteConnectionStringBuilder(database.ConnectionString);
            if (DependencyInjection.IsFile(sqlite))
            {
                yield return ("The SQLite database", "ConnectionStrings:KetamineCds", Path.GetFullPath(sqlite.DataSource));
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogPlainHttpOnly(ILogger logger, string warning);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogOpenFile(ILogger logger, string warning);
}
