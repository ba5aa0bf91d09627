using System.Diagnostics;
using System.Text;

namespace KetamineCds.IntegrationTests.Startup;

/// <summary>
/// The app's real entry point as an operator starts it: <c>dotnet KetamineCds.Web.dll</c> in a child process, with
/// settings from environment variables, its standard output and error captured together.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private static readonly string WebDll = Path.Combine(AppContext.BaseDirectory, "KetamineCds.Web.dll");

    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AppProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(WebDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["Logging__Console__DisableColors"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for the process to end by itself; fails the test if it is still running after a minute.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Stop();
            Assert.Fail("The app was expected to refuse to start but was still running after a minute:\n" + Output);
        }

        _process.WaitForExit(); // the output readers finish
        return _process.ExitCode;
    }

    /// <summary>Waits until the output holds <paramref name="text"/> (or the app ends, or a minute passes).</summary>
    public async Task<bool> WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return Output.Contains(text, StringComparison.Ordinal);
    }

    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
