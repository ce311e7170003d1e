#!/usr/bin/env bash
# Builds and runs the README's "A taste" program as a console app of its own, and checks that the text of every
# `Console.WriteLine(...); // text` comment in it appears in its output, so the first example a user copies stays true.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cat > "$dir/Taste.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/SalesKpi/SalesKpi.csproj" />
    <ProjectReference Include="$root/src/SalesKpi.SampleData/SalesKpi.SampleData.csproj" />
  </ItemGroup>
</Project>
EOF

awk '/^## A taste/{f=1;next} f&&/^```csharp/{c=1;next} c&&/^```/{exit} c{print}' README.md > "$dir/Program.cs"
[ -s "$dir/Program.cs" ] || { echo "README: no csharp block under '## A taste'" >&2; exit 1; }

out=$(dotnet run --project "$dir/Taste.csproj" -c Release)
status=0
while IFS= read -r expected; do
  if ! grep -qF -- "$expected" <<<"$out"; then
    echo "README taste: the output has no line with '$expected'" >&2
    status=1
  fi
done < <(grep -E 'Console\.WriteLine\(.*\); // ' "$dir/Program.cs" | sed -E 's#.*\); // ##')
[ "$status" -eq 0 ] && echo "README taste: builds, runs and prints what its comments say"
exit "$status"
