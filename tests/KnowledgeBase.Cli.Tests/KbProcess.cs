using System.Diagnostics;
using System.Text;

namespace KnowledgeBase.Cli.Tests;

/// <summary>Runs the built <c>kb</c> as a separate process, as a user would, and captures what it prints.</summary>
public static class KbProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs kb with <paramref name="input"/> on its standard input (a password for <c>--password-stdin</c>).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), input, args);

    /// <summary>Runs kb with extra environment variables (<c>KB_TOKEN</c>…) and <paramref name="input"/> on its standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string input, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kb.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never talk to an app a developer may have running on the default port.
        start.Environment["Server__Url"] = "http://127.0.0.1:9";
        // Nor carry a token from the developer's shell.
        start.Environment.Remove("KB_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
