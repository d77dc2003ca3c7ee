using System.Text;

namespace CharityDay.Testing;

/// <summary>A child process's stdout and stderr lines, kept in memory and optionally written to a file as they come.</summary>
internal sealed class ProcessOutput : IDisposable
{
    private readonly StringBuilder _lines = new();
    private StreamWriter? _file;

    public ProcessOutput(string? path)
    {
        if (path is not null)
        {
            _file = new StreamWriter(path, append: true) { AutoFlush = true };
        }
    }

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToString();
            }
        }
    }

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.AppendLine(line);
            _file?.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_lines)
        {
            // The last lines of a server being stopped may still come: they stay in memory only.
            _file?.Dispose();
            _file = null;
        }
    }
}
