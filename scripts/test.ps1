# Windows: set up a virtual environment with the test extras and run the whole test suite.
# Mirrors scripts/test.sh. Extra arguments go to pytest.
#   powershell -ExecutionPolicy Bypass -File scripts\test.ps1 [-q -x tests\test_config_and_schema.py]
# PostgreSQL tests run when IFODESK_TEST_PG_URL is set ($env:IFODESK_TEST_PG_URL = 'postgresql://…').
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)

function Fail([string]$Message) {
    [Console]::Error.WriteLine($Message)
    exit 1
}

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') misslyckades (slutkod $LASTEXITCODE)" }
}

if ($env:PYTHON) { $py = @($env:PYTHON) }
elseif (Get-Command py -ErrorAction SilentlyContinue) { $py = @('py', '-3') }
elseif (Get-Command python -ErrorAction SilentlyContinue) { $py = @('python') }
else { Fail 'test: hittar inte Python; installera Python 3.11 eller senare från python.org' }
$pyExe = $py[0]; $pyArgs = @($py | Select-Object -Skip 1)

$venvPy = Join-Path '.venv' 'Scripts\python.exe'
if (-not (Test-Path $venvPy)) { Invoke-Checked $pyExe ($pyArgs + @('-m', 'venv', '.venv')) }
Invoke-Checked $venvPy @('-m', 'pip', 'install', '-q', '--upgrade', 'pip')
Invoke-Checked $venvPy @('-m', 'pip', 'install', '-q', '-e', '.[test]')
$env:QT_QPA_PLATFORM = 'offscreen'
Invoke-Checked (Join-Path '.venv' 'Scripts\lint-imports.exe') @()
& $venvPy -m pytest @args
exit $LASTEXITCODE
