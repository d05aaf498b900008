import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamsSchema, listOf, reportPeriodsQuerySchema, reportPeriodsSchema, statutoryOverviewQuerySchema, statutoryOverviewSchema, statutoryReportGenerateSchema,
  statutoryReportListQuerySchema, statutoryReportNoteSchema, statutoryReportSchema, statutoryReportSendBackSchema, statutoryReportSummarySchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import { errors, fileErrors, sendFile } from '../results/results.http.js';
import * as service from './statutory-reports.service.js';

const tags = ['统计报表'];

/**
 * 统计报表 (楚卫通〔2018〕43号 三（八）): monthly statistics support unit → provincial office, quarterly
 * statistics county office → prefecture office; due dates from the engine, moved past holidays.
 */
export const statutoryReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/statutory-reports', {
    schema: { tags, summary: '统计报表：本单位报送的（box=mine）与报送给本单位或本辖区的（box=received，草稿除外）', querystring: statutoryReportListQuerySchema, response: { 200: listOf(statutoryReportSummarySchema), ...errors } },
  }, async (req) => service.listReports(authorize(req, 'report:read'), req.query));
  app.get('/api/statutory-reports/periods', {
    schema: { tags, summary: '应报送的统计期（最近一期在前）及引擎计算的截止日期（节假日顺延）', querystring: reportPeriodsQuerySchema, response: { 200: reportPeriodsSchema, ...errors } },
  }, async (req) => service.listPeriods(authorize(req, 'report:read'), req.query));
  app.get('/api/statutory-reports/overview', {
    schema: { tags, summary: '接收单位某期的报送情况：每个应报送单位按时、逾期、未报或草稿', querystring: statutoryOverviewQuerySchema, response: { 200: statutoryOverviewSchema, ...errors } },
  }, async (req) => service.overview(authorize(req, 'report:review'), req.query));
  app.get('/api/statutory-reports/:id', { schema: { tags, summary: '统计报表详情（数据、状态、是否逾期）', params: idParamsSchema, response: { 200: statutoryReportSchema, ...errors } } },
    async (req) => service.getReport(authorize(req, 'report:read'), req.params.id));
  app.get('/api/statutory-reports/:id/export.xlsx', {
    schema: { tags, summary: '导出统计报表（.xlsx：标题、表头、数据行、合计）', params: idParamsSchema, response: { 200: z.any(), ...fileErrors } },
  }, async (req, reply) => sendFile(reply, await service.exportReport(authorize(req, 'report:read'), req.params.id), 'statutory-report.xlsx'));
  app.post('/api/statutory-reports/generate', {
    schema: { tags, summary: '按记录生成（或在草稿、退回状态下重新生成）本单位某期统计表', body: statutoryReportGenerateSchema, response: { 200: statutoryReportSchema, 201: statutoryReportSchema, ...errors } },
  }, async (req, reply) => {
    const { report, created } = await service.generateReport(authorize(req, 'report:write'), req.body);
    return reply.status(created ? 201 : 200).send(report);
  });
  app.patch('/api/statutory-reports/:id', {
    schema: { tags, summary: '修改填报说明（草稿或退回状态）', params: idParamsSchema, body: statutoryReportNoteSchema, response: { 200: statutoryReportSchema, ...errors } },
  }, async (req) => service.updateNote(authorize(req, 'report:write'), req.params.id, req.body.note));
  app.post('/api/statutory-reports/:id/submit', {
    schema: { tags, summary: '报送（数据按当前记录重新生成后冻结；晚于截止日期记为逾期）', params: idParamsSchema, response: { 200: statutoryReportSchema, ...errors } },
  }, async (req) => service.submitReport(authorize(req, 'report:write'), req.params.id));
  app.post('/api/statutory-reports/:id/send-back', {
    schema: { tags, summary: '接收单位退回（须填写原因）', params: idParamsSchema, body: statutoryReportSendBackSchema, response: { 200: statutoryReportSchema, ...errors } },
  }, async (req) => service.sendBack(authorize(req, 'report:review'), req.params.id, req.body.reason));
  app.post('/api/statutory-reports/:id/accept', {
    schema: { tags, summary: '接收单位接收', params: idParamsSchema, response: { 200: statutoryReportSchema, ...errors } },
  }, async (req) => service.accept(authorize(req, 'report:review'), req.params.id));
};
