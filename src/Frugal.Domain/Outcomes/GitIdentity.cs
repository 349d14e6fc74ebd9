namespace Frugal.Domain.Outcomes;

/// <summary>A name and e-mail address as git records them for an author or committer.</summary>
/// <param name="Name">The display name, as written.</param>
/// <param name="Email">The e-mail address, as written (git does not check it).</param>
public readonly record struct GitIdentity(string Name, string Email);
