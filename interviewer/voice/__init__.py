"""Voice: speech in (faster-whisper), interviewer voice out (hibari-tts), speech metrics.

Each stage is a one-method port (``Transcriber.transcribe``, ``Speaker.synthesize``) with
a real adapter and a scripted fake that subclasses it in :mod:`interviewer.testing.speech`.
"""
