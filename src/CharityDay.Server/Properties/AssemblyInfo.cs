using System.Runtime.CompilerServices;

// The server tests drive internal parts (the push lanes) directly.
[assembly: InternalsVisibleTo("CharityDay.Server.Tests")]
