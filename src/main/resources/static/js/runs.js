// A running run's page follows its progress: every few seconds it asks
// /api/runs/{id} (the same session) and updates the counts of each step; when a step
// starts or ends, or the run ends, the page is read again so every word is the server's.
(function () {
	'use strict';
	var main = document.querySelector('[data-run-progress]');
	if (!main) {
		return;
	}
	var id = main.getAttribute('data-run-progress');
	var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
	var fields = ['readCount', 'writeCount', 'filterCount', 'skipCount', 'commitCount'];

	function changed(run) {
		var rows = document.querySelectorAll('#steps tr[data-step]');
		if (rows.length !== run.steps.length) {
			return true;
		}
		for (var i = 0; i < run.steps.length; i++) {
			if (rows[i].getAttribute('data-status') !== run.steps[i].status) {
				return true;
			}
		}
		return ['STARTING', 'STARTED', 'STOPPING'].indexOf(run.status) < 0;
	}

	function update(run) {
		run.steps.forEach(function (step) {
			var row = document.querySelector('#steps tr[data-step="' + step.name + '"]');
			if (!row) {
				return;
			}
			fields.forEach(function (field) {
				var cell = row.querySelector('[data-field="' + field + '"]');
				if (cell) {
					cell.textContent = format.format(step[field]);
				}
			});
			var progress = row.querySelector('[data-field="progress"]');
			if (progress && step.progress) {
				var p = step.progress;
				progress.textContent = (p.percent != null)
					? p.percent + '% (' + format.format(p.items) + ' / ' + format.format(p.total) + ')'
					: format.format(p.items);
			}
		});
	}

	function poll() {
		fetch('/api/runs/' + id, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
			.then(function (response) {
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.json();
			})
			.then(function (run) {
				if (changed(run)) {
					window.location.reload();
					return;
				}
				update(run);
				window.setTimeout(poll, 2000);
			})
			.catch(function () {
				window.setTimeout(poll, 5000);
			});
	}

	window.setTimeout(poll, 1000);
}());
