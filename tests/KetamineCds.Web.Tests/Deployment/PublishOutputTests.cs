using System.Diagnostics;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Deployment;

/// <summary>
/// Helper 338: <c>dotnet publish src/KetamineCds.Web</c> put <c>appsettings.Development.json</c> (every host name allowed,
/// no second factor for administrators) in the published folder, and so in the Docker image (its build stage publishes)
/// and in a Production install copied from it (README, "Production without Docker", step 2). Publishing takes minutes, so
/// this asks MSBuild for the project's evaluated content items, whose <c>CopyToPublishDirectory</c> decides what the
/// publish copies (the SDK's <c>_ComputeResolvedCopyToPublishDirectory</c> takes Always and PreserveNewest only); the
/// publish itself was checked by hand (the report of helper 338).
/// </summary>
public sealed class PublishOutputTests
{
    private static readonly string Root = TestRepository.Root();

    /// <summary>The values of <c>CopyToPublishDirectory</c> and <c>CopyToOutputDirectory</c> that copy the file.</summary>
    private static readonly string[] Copied = ["Always", "PreserveNewest"];

    [Fact]
    public async Task Publish_LeavesTheDevelopmentSettingsOut_AndKeepsTheAppsOwnSettings()
    {
        var content = await ContentItemsAsync();

        Assert.Equal("Never", content["appsettings.Development.json"].GetProperty("CopyToPublishDirectory").GetString());
        Assert.Contains(content["appsettings.json"].GetProperty("CopyToPublishDirectory").GetString(), Copied);
    }

    [Fact]
    public async Task Build_StillCopiesTheDevelopmentSettings_ForDevelopmentRunsFromTheBuildOutput()
    {
        // The integration tests start the built DLL in Development from the build output (AppProcess), and "dotnet run"
        // reads the project folder: only the publish leaves the file out.
        var content = await ContentItemsAsync();

        Assert.Contains(content["appsettings.Development.json"].GetProperty("CopyToOutputDirectory").GetString(), Copied);
    }

    /// <summary>The Web project's <c>Content</c> items as MSBuild evaluates them (no target runs, nothing is written).</summary>
    private static async Task<Dictionary<string, JsonElement>> ContentItemsAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "msbuild", Path.Combine("src", "KetamineCds.Web", "KetamineCds.Web.csproj"), "-nologo", "-getItem:Content", "-p:Configuration=Release" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild -getItem:Content exited with {process.ExitCode}: {await output}{await error}");

        using var document = JsonDocument.Parse(await output);
        return document.RootElement.GetProperty("Items").GetProperty("Content").EnumerateArray()
            .ToDictionary(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'), item => item.Clone(), StringComparer.Ordinal);
    }
}
