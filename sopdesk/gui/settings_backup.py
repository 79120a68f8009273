"""Pengaturan > Cadangan dan pemeriksaan: the backup folder, a backup now, the data check and
restoring a backup. Its own module because the restore needs a window of its own: on a real
office (100,000 cases, a ~130 MB backup) verifying, setting the current records aside and
replacing them takes many seconds, and run on the GUI thread it froze the window with no word.

A restore runs on the window's worker behind a modal progress window that says what it is
doing (engine stages: memeriksa cadangan, menyimpan data sekarang, memulihkan), as the backup
on exit does (gui/app.py). The two-step confirmation stays: the backup is verified and its plan
made on the worker; the question for another office's backup (type its name) is asked here on
the GUI thread while the worker waits for the answer; the replace then goes on on the worker.
A wrong name refuses with the backup's office named; Cancel changes nothing and says nothing.

The backup's checks (its audit chain, its records against the seals: most of the time, ~50 of
~57 s on a 20,000-case backup) report how far they have read: the window shows a percentage
then. The start-up check, if it still runs (gui.start_check), is stopped first: its reading
connection would hold the database the restore replaces; a restore that does not happen
starts it again."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import backups, integrity, tamper
from sopdesk.engine.backups import RestoreResult
from sopdesk.engine.record_check import Progress
from sopdesk.engine.restore_checks import RestoreCancelled, RestorePlan
from sopdesk.engine.workspace import Workspace
from sopdesk.gui import start_check
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import show_error
from sopdesk.gui.operation import Operation, hold
from sopdesk.gui.worker import Worker


@runtime_checkable
class _BacksUpOnExit(Protocol):
    """The main window: it backs the office up when it closes, unless told not to."""

    backup_on_exit: bool


class RestoreProgress(QProgressDialog):
    """The modal window shown while a restore runs: what is being done, and a bar: busy, or the
    percentage the backup's checks have read (`show_progress`). It cannot be cancelled or
    closed (half a replace is rolled back by the engine, not by a click); `finish()` hides it."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("restoreProgress")
        self.setWindowTitle(self.tr("Pulihkan data — sopdesk"))
        self.setCancelButton(None)  # no button: a restore half done is not stopped by a click
        self.setRange(0, 0)  # busy until the checks report how far they have read
        self.setMinimumDuration(0)
        self.setMinimumWidth(480)  # the longest step's text fits: the window does not jump
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._finished = False

    def show_progress(self, done: int, total: int) -> None:
        """A percentage; (0, 0): busy again (a step that does not count)."""
        if total <= 0:
            self.setRange(0, 0)
            return
        self.setRange(0, 100)
        self.setValue(min(100, done * 100 // total))

    def reject(self) -> None:  # Escape: the restore goes on
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - the window's close button
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()

    def finish(self) -> None:
        self._finished = True
        self.hide()
        self.deleteLater()


class _Bridge(QObject):
    """Carries the restore's stages, how far its checks have read and its question from the
    worker to the GUI thread."""

    stage = Signal(str)
    progressed = Signal(int, int)  # events and rows read of the backup, in all
    checking = Signal(int, int)  # the same of the office, for Periksa data
    ask = Signal(object)  # a RestorePlan; the answer is handed back through `answered`

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.answered = threading.Event()
        self.answer = False


class BackupBox(QGroupBox):
    """The backup settings, a backup now, the data check and the restore (administrators)."""

    WAIT_S = 24 * 3600.0  # the worker waits this long at most for the question's answer

    def __init__(self, ctx: GuiContext, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Cadangan dan pemeriksaan"))
        self.ctx = ctx
        self.worker = worker
        self.progress: RestoreProgress | None = None
        self.mismatch: tuple[str, str] | None = None  # (the office name wanted, what was typed instead)
        self.stopped_check: start_check.StartCheck | None = None  # stopped for the restore
        self._checking = False  # Periksa data runs: its progress goes to the note
        self._paused: list[QTimer] = []
        settings = backups.load_settings(ctx.ws.data_dir)
        self.backup_folder = QLabel(str(backups.backup_folder(ctx.ws.data_dir)))
        self.backup_folder.setObjectName("backupFolder")
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setValue(settings.keep)
        self.backup_keep.setSuffix(self.tr(" cadangan terakhir"))
        self.backup_keep.editingFinished.connect(lambda: self._configure(keep=self.backup_keep.value()))
        choose = QPushButton(self.tr("Pilih folder (mis. diska USB)…"))
        choose.clicked.connect(self._choose_folder)
        self.backup_now = QPushButton(self.tr("Buat cadangan sekarang"))
        self.backup_now.clicked.connect(self._backup_now)
        self.restore_button = QPushButton(self.tr("Pulihkan dari cadangan…"))
        self.restore_button.clicked.connect(self.restore)
        self.check_button = QPushButton(self.tr("Periksa data"))
        self.check_button.clicked.connect(self._check)
        # a check found records changed outside sopdesk: every action waits until an
        # administrator says so here (recorded in the audit log, engine.tamper)
        self.acknowledge_button = QPushButton(self.tr("Temuan sudah saya lihat"))
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self.acknowledge_button.setVisible(tamper.read_hold(ctx.ws.data_dir) is not None)
        self.backup_note = QLabel(self.tr("Cadangan dibuat otomatis setiap hari dan ketika sopdesk ditutup."))
        self.backup_note.setWordWrap(True)
        form = QFormLayout()
        # the number of backups at its own width (stretched, "10 cadangan terakhir" stood at the
        # left of a box as wide as the window)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Folder cadangan"), self.backup_folder)
        form.addRow(self.tr("Simpan"), self.backup_keep)
        buttons = QHBoxLayout()
        for button in (choose, self.backup_now, self.restore_button, self.check_button, self.acknowledge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.backup_note)
        self.bridge = _Bridge(self)
        answered = self.bridge.answered  # a box gone while the worker waits: no restore, no hang
        self.destroyed.connect(lambda: answered.set())
        self.bridge.stage.connect(self._show_stage, Qt.ConnectionType.QueuedConnection)
        self.bridge.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.bridge.checking.connect(self._show_checking, Qt.ConnectionType.QueuedConnection)
        self.bridge.ask.connect(self._ask, Qt.ConnectionType.QueuedConnection)

    # --- settings and a backup now ----------------------------------------------------------------
    def _configure(self, folder: str | None = None, keep: int | None = None) -> None:
        ws, actor = self.ctx.ws, self.ctx.actor
        chosen = folder if folder is not None else backups.load_settings(ws.data_dir).folder
        Operation(self, self.ctx, lambda: backups.configure(ws, actor, chosen, keep)).quiet() \
            .success(lambda _settings: self.backup_folder.setText(str(backups.backup_folder(ws.data_dir)))).run()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder cadangan"),
                                                  str(backups.backup_folder(self.ctx.ws.data_dir)))
        if folder:
            self._configure(folder=folder)

    def _backup_now(self) -> None:
        release = hold(self.backup_now)
        self.backup_note.setText(self.tr("Sedang membuat cadangan…"))

        def done(path: Path) -> None:
            release()
            self.backup_note.setText(self.tr("Cadangan dibuat: {0}").format(path))

        def failed(exc: BaseException) -> None:
            release()
            self.backup_note.setText("")
            show_error(self, exc)

        self.worker.submit(lambda: backups.backup(self.ctx.ws, self.ctx.actor), done, failed)

    # --- restore ----------------------------------------------------------------------------------
    def restore(self) -> None:
        """Pulihkan dari cadangan: choose the file, the first question, then the work on the
        worker behind RestoreProgress."""
        file, _ = QFileDialog.getOpenFileName(self, self.tr("Pulihkan dari cadangan"),
                                              str(backups.backup_folder(self.ctx.ws.data_dir)),
                                              self.tr("Cadangan sopdesk (*.zip)"))
        if not file:
            return
        answer = QMessageBox.question(
            self, self.tr("Pulihkan data"),
            self.tr("Semua data sekarang diganti dengan isi cadangan {0}. Data sekarang disimpan dulu di folder "
                    "cadangan. sopdesk akan ditutup sesudahnya. Lanjutkan?").format(Path(file).name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.mismatch = None
        self.progress = RestoreProgress(self.window())
        self.progress.show()
        self._pause_timers()
        check = start_check.current(self.ctx.ws)
        if check is None or not check.running:
            self._start_restore(file)
            return
        # its reading connection would hold the database: stopped first (within a second, or
        # when PRAGMA quick_check ends), started again if the restore does not happen
        self.stopped_check = check
        self.progress.setLabelText(self.tr("Menghentikan pemeriksaan awal data agar cadangan dapat dipulihkan…"))
        check.ended.connect(lambda: self._start_restore(file), Qt.ConnectionType.SingleShotConnection)
        check.stop()

    def _start_restore(self, file: str) -> None:
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Memeriksa cadangan {0}…").format(Path(file).name))
        ws, actor, bridge = self.ctx.ws, self.ctx.actor, self.bridge
        self.worker.submit(
            lambda: backups.restore_backup(ws, actor, file, allow_other_office=True,
                                           confirm=lambda plan: _asked(bridge, plan, self.WAIT_S),
                                           stage=bridge.stage.emit,
                                           progress=start_check.by_percent(bridge.progressed.emit)),
            lambda result: self._restored(file, result), self._restore_failed)

    def _pause_timers(self) -> None:
        """The window's clock timers read the store on the GUI thread (the inbox, the counts):
        none while the records are replaced; after a failed restore they go on."""
        self._paused = [timer for timer in self.window().findChildren(QTimer)
                        if timer.isActive() and timer.interval() >= 1000]
        for timer in self._paused:
            timer.stop()

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    @Slot(str)
    def _show_stage(self, stage: str) -> None:
        texts = {"verify_chain": self.tr("Memeriksa cadangan: rantai log audit…"),
                 "verify_records": self.tr("Memeriksa cadangan: catatan dibandingkan dengan segel di log audit…"),
                 "set_aside": self.tr("Menyimpan data sekarang di folder cadangan…"),
                 "replace": self.tr("Memulihkan data dari cadangan…")}
        if self.progress is not None and stage in texts:  # "verify": the file is named already
            self.progress.setLabelText(texts[stage])
            if stage in ("set_aside", "replace"):
                self.progress.show_progress(0, 0)  # after the checks: busy again

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.show_progress(done, total)

    @Slot(object)
    def _ask(self, plan: RestorePlan) -> None:
        try:
            self.bridge.answer = self.confirm_restore(plan)
        finally:
            self.bridge.answered.set()

    def confirm_restore(self, plan: RestorePlan) -> bool:
        """The second question, after the backup was verified: only for another office's
        backup, whose name must be typed. A name typed otherwise is kept in `mismatch`."""
        if not plan.other_office:
            return True
        typed, ok = QInputDialog.getText(
            self.progress or self, self.tr("Cadangan kantor lain"),
            # one sentence a line: as one line the dialog was wider than a 1024-pixel screen
            self.tr("Cadangan ini milik kantor lain: {0}.\nSemua data kantor {1} akan diganti dengan "
                    "data kantor itu.\nKetik nama kantor cadangan untuk tetap memulihkan:").format(
                plan.office or "-", plan.current_office or "-"))
        if not ok:
            return False
        if typed.strip() != (plan.office or "").strip():
            self.mismatch = (plan.office or "-", typed.strip() or "-")
            return False
        return True

    def _restored(self, file: str, result: RestoreResult) -> None:
        self._end_progress()
        notes = "".join("\n\n" + self.tr("Peringatan: {0}").format(w) for w in result.warnings)
        QMessageBox.information(self, self.tr("Pulihkan data"),
                                self.tr("Data dipulihkan dari {0}. Data sebelumnya disimpan di {1}. Buka "
                                        "sopdesk kembali.").format(Path(file).name, result.set_aside or "-")
                                + notes)
        window = self.window()
        if isinstance(window, _BacksUpOnExit):
            window.backup_on_exit = False  # the workspace is closed: nothing to back up
        window.close()

    def _restore_failed(self, exc: BaseException) -> None:
        self._end_progress()
        for timer in self._paused:
            timer.start()
        self._paused = []
        if self.stopped_check is not None:  # the records stay: they are checked after all
            self.stopped_check.start()
            self.stopped_check = None
        if isinstance(exc, RestoreCancelled) and self.mismatch is not None:
            QMessageBox.warning(self, self.tr("Pulihkan data"),
                                self.tr("Nama kantor yang diketik ({1}) tidak sama dengan nama kantor "
                                        "cadangan ini: {0}. Pemulihan tidak dilakukan; tidak ada yang diubah.")
                                .format(*self.mismatch))
        elif not isinstance(exc, RestoreCancelled):  # Cancel: the person chose it, nothing to say
            show_error(self, exc)

    # --- the data check ---------------------------------------------------------------------------
    def _check(self) -> None:
        release = hold(self.check_button)
        self.backup_note.setText(self.tr("Sedang memeriksa data…"))

        def done(report: integrity.Report) -> None:
            release()
            self._checking = False
            if report.ok:
                self.backup_note.setText(self.tr("Pemeriksaan selesai: data utuh, rantai audit dan lampiran cocok."))
            else:
                lines = "\n".join(f.message for f in report.findings[:10])
                self.backup_note.setText(self.tr("Pemeriksaan menemukan {0} masalah:\n{1}").format(
                    len(report.findings), lines))
            self.acknowledge_button.setVisible(tamper.read_hold(self.ctx.ws.data_dir) is not None)

        def failed(exc: BaseException) -> None:
            release()
            self._checking = False
            show_error(self, exc)

        ws, progress = self.ctx.ws, start_check.by_percent(self.bridge.checking.emit)
        self._checking = True
        self.worker.submit(lambda: _checked(ws, progress), done, failed)

    @Slot(int, int)
    def _show_checking(self, done: int, total: int) -> None:
        """Periksa data reads the whole office (most of a minute at 100,000 cases): how far."""
        if self._checking:
            self.backup_note.setText(self.tr("Sedang memeriksa data… {0}%").format(done * 100 // max(total, 1)))

    def _acknowledge(self) -> None:
        ws, actor = self.ctx.ws, self.ctx.actor
        Operation(self, self.ctx, lambda: tamper.acknowledge(ws, actor)).quiet() \
            .disabling(self.acknowledge_button).success(self._acknowledged).run()

    def _acknowledged(self, _lifted: object) -> None:
        self.acknowledge_button.setVisible(False)
        self.backup_note.setText(self.tr("Temuan pemeriksaan sudah dilihat dan dicatat di log audit; tindakan "
                                         "diizinkan lagi. Pulihkan dari cadangan yang utuh bila data telah "
                                         "diubah."))


def _asked(bridge: _Bridge, plan: RestorePlan, wait_s: float) -> bool:
    """On the worker: the question asked on the GUI thread, its answer awaited. The office's
    own backup needs none. No answer in `wait_s` (the window gone): no restore."""
    if not plan.other_office:
        return True
    bridge.answered.clear()
    bridge.answer = False
    bridge.ask.emit(plan)
    return bridge.answered.wait(wait_s) and bridge.answer


def _checked(ws: Workspace, progress: Progress | None = None) -> integrity.Report:
    """The full check (on the worker); findings of tampering hold every action until an
    administrator has seen them (engine.tamper)."""
    report = integrity.check(ws, progress)
    tamper.remember(ws, report)
    return report
