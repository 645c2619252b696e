package com.successpilot.mail.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.successpilot.system.Page;
import com.successpilot.system.PageController;
import com.successpilot.system.PageLinks;
import com.successpilot.system.Paging;
import com.successpilot.mail.internal.OutboxQueries.OutboxMail;

/**
 * {@code /mail} (OPS): the outbox — what waits to be sent, what is held with its run,
 * what failed and why, what may or may not have gone out (UNKNOWN), and what was sent
 * recently — with the count of each state, and a resend for a FAILED or UNKNOWN mail once
 * a person has decided so (what {@code deliver-mail --resend=ID} does).
 */
@PageController
class MailPagesController {

	private static final int PAGE_SIZE = 50;

	/** What needs a person's eye first: the default view. */
	private static final Set<OutboxStatus> ATTENTION = EnumSet.of(OutboxStatus.PENDING, OutboxStatus.HELD,
			OutboxStatus.FAILED, OutboxStatus.UNKNOWN, OutboxStatus.SENDING, OutboxStatus.QUEUED);

	private final OutboxQueries queries;

	private final MailOutbox outbox;

	private final MailDelivery delivery;

	private final MessageSource messages;

	private final Clock clock;

	MailPagesController(OutboxQueries queries, MailOutbox outbox, MailDelivery delivery, MessageSource messages,
			Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.outbox = outbox;
		this.delivery = delivery;
		this.messages = messages;
	}

	@GetMapping("/mail")
	String outbox(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String recipient, @RequestParam(required = false) Integer page, Model model,
			HttpServletResponse response) {
		Map<OutboxStatus, Long> counts = this.queries.counts();
		model.addAttribute("counts", counts);
		model.addAttribute("unknownCount", counts.get(OutboxStatus.UNKNOWN));
		model.addAttribute("zone", this.clock.getZone().getId());
		model.addAttribute("kinds", this.queries.kinds());
		model.addAttribute("statuses", OutboxStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("recipient", recipient);
		model.addAttribute("transport", this.delivery.transportDescription());
		Set<OutboxStatus> shown;
		String kindShown = blankToNull(kind);
		try {
			shown = statuses(status);
			if (kindShown != null && !this.queries.kinds().contains(kindShown)) {
				throw new IllegalArgumentException(word("outbox.problem.kind", kindShown, this.queries.kinds()));
			}
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("mails", Paging.of(0, PAGE_SIZE, PAGE_SIZE, PAGE_SIZE).of(List.of(), 0));
			return "mail/outbox";
		}
		Page<OutboxMail> mails = this.queries.list(shown, kindShown, blankToNull(recipient),
				Paging.of(page, PAGE_SIZE, PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("mails", mails);
		model.addAttribute("pages", PageLinks.of(mails, ServletUriComponentsBuilder.fromCurrentRequest()));
		return "mail/outbox";
	}

	/**
	 * Sends a FAILED or UNKNOWN mail again, now, with the same Message-ID.
	 */
	@PostMapping("/mail/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.outbox.resend(id)) {
			String state = this.queries.find(id).map((mail) -> mail.status().name()).orElse(null);
			redirect.addFlashAttribute("problem",
					(state != null) ? word("outbox.resend.notResendable", String.valueOf(id), state)
							: word("outbox.resend.noSuchMail", String.valueOf(id)));
			return "redirect:/mail";
		}
		MailDelivery.Outcome outcome = this.delivery.deliverOne(id);
		OutboxMail mail = this.queries.find(id).orElseThrow();
		if (outcome.sent() == 1) {
			redirect.addFlashAttribute("notice", word("outbox.resend.sent", String.valueOf(id), mail.recipient()));
		}
		else {
			redirect.addFlashAttribute("problem", word("outbox.resend.notSent", String.valueOf(id),
					word("outbox.status." + mail.status()), (mail.lastError() != null) ? mail.lastError() : ""));
		}
		return "redirect:/mail?status=" + mail.status();
	}

	private Set<OutboxStatus> statuses(String text) {
		if (blankToNull(text) == null) {
			return ATTENTION;
		}
		if ("ALL".equalsIgnoreCase(text.strip())) {
			return EnumSet.allOf(OutboxStatus.class);
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(OutboxStatus.values())
			.filter((status) -> status.name().equals(wanted))
			.findFirst()
			.map(EnumSet::of)
			.orElseThrow(() -> new IllegalArgumentException(word("outbox.problem.status", text.strip(),
					Arrays.stream(OutboxStatus.values()).map(Enum::name).toList())));
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
